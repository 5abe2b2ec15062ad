// CTOMLShim: a plain C view of the toml++ parser.
//
// The document is parsed completely inside winebox_toml_walk and then reported as a depth-first
// stream of events to one callback. No C++ exception ever leaves the shim: parse errors and any
// other failure are returned through winebox_toml_error. The shim allocates nothing that outlives
// the call; every pointer in an event is valid only during that callback.
#ifndef CTOMLSHIM_H
#define CTOMLSHIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The kind of one walk event.
typedef enum {
    WINEBOX_TOML_BEGIN_TABLE = 0,
    WINEBOX_TOML_END_TABLE = 1,
    WINEBOX_TOML_BEGIN_ARRAY = 2,
    WINEBOX_TOML_END_ARRAY = 3,
    WINEBOX_TOML_STRING = 4,
    WINEBOX_TOML_INTEGER = 5,
    WINEBOX_TOML_FLOAT = 6,
    WINEBOX_TOML_BOOLEAN = 7,
    /// An offset date-time, local date-time, local date or local time, in its TOML text form.
    WINEBOX_TOML_DATE_TIME = 8,
} winebox_toml_event_kind;

/// One walk event. Pointers are borrowed and valid only during the callback.
typedef struct {
    winebox_toml_event_kind kind;
    /// The key inside the enclosing table (UTF-8, not NUL-terminated); NULL for the root table,
    /// for array elements and for END events.
    const char *key;
    size_t key_length;
    /// The value of STRING and DATE_TIME events (UTF-8, may contain NUL bytes); NULL otherwise.
    const char *text;
    size_t text_length;
    int64_t integer;
    double floating;
    bool boolean;
} winebox_toml_event;

/// Receives each event in document order; `context` is the pointer given to winebox_toml_walk.
typedef void (*winebox_toml_handler)(const winebox_toml_event *event, void *context);

/// Why a walk failed. `line` and `column` are 1-based, or 0 when unknown.
typedef struct {
    char message[512];
    uint32_t line;
    uint32_t column;
} winebox_toml_error;

/// Parses `length` bytes of TOML from `data` and walks the result.
///
/// `source_name` (NUL-terminated, may be NULL) is only used in error messages. Returns 0 on
/// success, after one BEGIN_TABLE for the root and its matching END_TABLE. Returns non-zero on
/// failure and fills `error` (which must not be NULL): 1 for invalid TOML (no events were sent),
/// other values for internal failures (such as memory exhaustion) that may stop a walk midway, in
/// which case the events already received must be discarded.
int winebox_toml_walk(
    const char *data, size_t length, const char *source_name, winebox_toml_handler handler, void *context,
    winebox_toml_error *error);

#ifdef __cplusplus
}
#endif

#endif
