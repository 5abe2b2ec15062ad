#ifndef WINEBOX_CSQLITE_SHIM_H
#define WINEBOX_CSQLITE_SHIM_H

#include <sqlite3.h>

// Swift cannot call C variadic functions. These static inline wrappers are compiled by the Clang
// importer, so no separate C target is needed. Each wrapper fixes one argument shape.

// sqlite3_db_config for the "int int*" options (SQLITE_DBCONFIG_DQS_DML, SQLITE_DBCONFIG_DQS_DDL,
// SQLITE_DBCONFIG_DEFENSIVE, ...). `value` is the new setting (0 off, 1 on, -1 query only);
// `current` receives the setting after the call and may be NULL.
static inline int winebox_sqlite_db_config_int(sqlite3 *db, int option, int value, int *current) {
    return sqlite3_db_config(db, option, value, current);
}

#endif
