#ifndef LIENTHONG_CYAML_SHIM_H
#define LIENTHONG_CYAML_SHIM_H
#include <yaml.h>
#endif
