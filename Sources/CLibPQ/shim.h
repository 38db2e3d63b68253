#ifndef LIENTHONG_CLIBPQ_SHIM_H
#define LIENTHONG_CLIBPQ_SHIM_H
#include <libpq-fe.h>
/* PG_DIAG_SQLSTATE is a character macro ('C'): give Swift an int. */
static inline int lt_pq_diag_sqlstate(void) { return PG_DIAG_SQLSTATE; }
/* Notices (e.g. "relation already exists, skipping") would go to stderr: drop them, the store logs what matters. */
static void lt_pq_ignore_notice(void *arg, const char *message) { (void)arg; (void)message; }
static inline void lt_pq_silence_notices(PGconn *conn) { PQsetNoticeProcessor(conn, lt_pq_ignore_notice, 0); }
#endif
