#ifndef LIENTHONG_CLIBXML2_SHIM_H
#define LIENTHONG_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; encoding.h would pull the system ICU headers, whose
   UErrorCode clashes with Foundation's bundled _FoundationICU. We never touch the ICU
   fields of xmlCharEncodingHandler, so dropping them is safe. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
/* xmlFree is a macro over a per-thread global: not importable. */
static inline void lt_xmlFree(void *p) { xmlFree(p); }
#endif
