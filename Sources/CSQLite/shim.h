#ifndef LIENTHONG_CSQLITE_SHIM_H
#define LIENTHONG_CSQLITE_SHIM_H
#include <sqlite3.h>
/* SQLITE_TRANSIENT is a cast macro: Swift cannot import it. */
static inline sqlite3_destructor_type lt_sqlite_transient(void) { return SQLITE_TRANSIENT; }
/* sqlite3_db_config is variadic. */
static inline int lt_sqlite_db_config_int(sqlite3 *db, int op, int value, int *out) { return sqlite3_db_config(db, op, value, out); }
#endif
