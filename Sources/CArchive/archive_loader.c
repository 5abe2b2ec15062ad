#include "CArchive.h"

/* libarchive's own headers (libarchive-dev), for the types and constants only: nothing here refers to a
   libarchive symbol except through dlsym, so no product links libarchive. They are in /usr/include, so this
   target needs no pkg-config module (which would add -larchive to every product that depends on it). */
#include <archive.h>
#include <archive_entry.h>

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>

#define WINEBOX_ARCHIVE_SONAME "libarchive.so.13"

/// Every libarchive function WineBox calls; each has a wrapper named winebox_<name> below.
#define WINEBOX_ARCHIVE_FUNCTIONS(F)                                                                                 \
    F(archive_read_new)                                                                                              \
    F(archive_read_support_filter_gzip)                                                                              \
    F(archive_read_support_format_tar)                                                                               \
    F(archive_read_open_fd)                                                                                          \
    F(archive_read_open_filename)                                                                                    \
    F(archive_read_next_header)                                                                                      \
    F(archive_read_data)                                                                                             \
    F(archive_read_free)                                                                                             \
    F(archive_write_new)                                                                                             \
    F(archive_write_add_filter_gzip)                                                                                 \
    F(archive_write_set_format_pax_restricted)                                                                       \
    F(archive_write_open_fd)                                                                                         \
    F(archive_write_open_filename)                                                                                   \
    F(archive_write_header)                                                                                          \
    F(archive_write_data)                                                                                            \
    F(archive_write_close)                                                                                           \
    F(archive_write_free)                                                                                            \
    F(archive_error_string)                                                                                          \
    F(archive_entry_new)                                                                                             \
    F(archive_entry_free)                                                                                            \
    F(archive_entry_pathname)                                                                                        \
    F(archive_entry_filetype)                                                                                        \
    F(archive_entry_size)                                                                                            \
    F(archive_entry_size_is_set)                                                                                     \
    F(archive_entry_hardlink)                                                                                        \
    F(archive_entry_symlink)                                                                                         \
    F(archive_entry_set_pathname)                                                                                    \
    F(archive_entry_set_filetype)                                                                                    \
    F(archive_entry_set_perm)                                                                                        \
    F(archive_entry_set_size)                                                                                        \
    F(archive_entry_set_mtime)                                                                                       \
    F(archive_entry_set_hardlink)                                                                                    \
    F(archive_entry_set_symlink)                                                                                     \
    F(archive_entry_set_rdevmajor)                                                                                   \
    F(archive_entry_set_rdevminor)

/* The wrappers in CArchive.h are declared without libarchive's headers; the build fails here when one differs
   from the function it forwards to, or a constant from libarchive's. */
#define WINEBOX_ARCHIVE_CHECK(name)                                                                                  \
    _Static_assert(__builtin_types_compatible_p(__typeof__(name), __typeof__(winebox_##name)),                       \
        "winebox_" #name " in CArchive.h is declared differently from " #name " in libarchive's headers");
WINEBOX_ARCHIVE_FUNCTIONS(WINEBOX_ARCHIVE_CHECK)

_Static_assert(WINEBOX_ARCHIVE_EOF == ARCHIVE_EOF, "ARCHIVE_EOF");
_Static_assert(WINEBOX_ARCHIVE_OK == ARCHIVE_OK, "ARCHIVE_OK");
_Static_assert(WINEBOX_ARCHIVE_WARN == ARCHIVE_WARN, "ARCHIVE_WARN");
_Static_assert(0170000 == AE_IFMT, "AE_IFMT");
_Static_assert(0100000 == AE_IFREG, "AE_IFREG");
_Static_assert(ARCHIVE_VERSION_NUMBER / 1000000 == 3, "libarchive 3 (libarchive.so.13)");

/* The libarchive entry points, resolved once by load_libarchive(). */
#define WINEBOX_ARCHIVE_FIELD(name) __typeof__(name) *name;
static struct {
    WINEBOX_ARCHIVE_FUNCTIONS(WINEBOX_ARCHIVE_FIELD)
} api;

static int available = 0;
static char unavailable_reason[512] = "";
static pthread_once_t once = PTHREAD_ONCE_INIT;

#define WINEBOX_ARCHIVE_RESOLVE(name)                                                                                \
    *(void **)(&api.name) = dlsym(library, #name);                                                                   \
    if (api.name == NULL) {                                                                                          \
        snprintf(unavailable_reason, sizeof unavailable_reason, "%s has no %s", WINEBOX_ARCHIVE_SONAME, #name);      \
        return;                                                                                                      \
    }

/* Runs once, on the thread of the first caller. On failure `available` stays 0 and `unavailable_reason` says
   why. The library stays loaded for the life of the process. */
static void load_libarchive(void) {
    void *library = dlopen(WINEBOX_ARCHIVE_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *error = dlerror();
        snprintf(unavailable_reason, sizeof unavailable_reason, "%s",
            error != NULL ? error : WINEBOX_ARCHIVE_SONAME " could not be loaded");
        return;
    }
    WINEBOX_ARCHIVE_FUNCTIONS(WINEBOX_ARCHIVE_RESOLVE)
    available = 1;
}

int winebox_archive_available(void) {
    pthread_once(&once, load_libarchive);
    return available;
}

const char *winebox_archive_unavailable_reason(void) {
    return winebox_archive_available() ? NULL : unavailable_reason;
}

struct archive *winebox_archive_read_new(void) {
    return winebox_archive_available() ? api.archive_read_new() : NULL;
}

int winebox_archive_read_support_filter_gzip(struct archive *archive) {
    return api.archive_read_support_filter_gzip(archive);
}

int winebox_archive_read_support_format_tar(struct archive *archive) {
    return api.archive_read_support_format_tar(archive);
}

int winebox_archive_read_open_fd(struct archive *archive, int descriptor, size_t block_size) {
    return api.archive_read_open_fd(archive, descriptor, block_size);
}

int winebox_archive_read_open_filename(struct archive *archive, const char *path, size_t block_size) {
    return api.archive_read_open_filename(archive, path, block_size);
}

int winebox_archive_read_next_header(struct archive *archive, struct archive_entry **entry) {
    return api.archive_read_next_header(archive, entry);
}

ssize_t winebox_archive_read_data(struct archive *archive, void *buffer, size_t size) {
    return api.archive_read_data(archive, buffer, size);
}

int winebox_archive_read_free(struct archive *archive) {
    return api.archive_read_free(archive);
}

struct archive *winebox_archive_write_new(void) {
    return winebox_archive_available() ? api.archive_write_new() : NULL;
}

int winebox_archive_write_add_filter_gzip(struct archive *archive) {
    return api.archive_write_add_filter_gzip(archive);
}

int winebox_archive_write_set_format_pax_restricted(struct archive *archive) {
    return api.archive_write_set_format_pax_restricted(archive);
}

int winebox_archive_write_open_fd(struct archive *archive, int descriptor) {
    return api.archive_write_open_fd(archive, descriptor);
}

int winebox_archive_write_open_filename(struct archive *archive, const char *path) {
    return api.archive_write_open_filename(archive, path);
}

int winebox_archive_write_header(struct archive *archive, struct archive_entry *entry) {
    return api.archive_write_header(archive, entry);
}

ssize_t winebox_archive_write_data(struct archive *archive, const void *bytes, size_t size) {
    return api.archive_write_data(archive, bytes, size);
}

int winebox_archive_write_close(struct archive *archive) {
    return api.archive_write_close(archive);
}

int winebox_archive_write_free(struct archive *archive) {
    return api.archive_write_free(archive);
}

const char *winebox_archive_error_string(struct archive *archive) {
    return api.archive_error_string(archive);
}

struct archive_entry *winebox_archive_entry_new(void) {
    return winebox_archive_available() ? api.archive_entry_new() : NULL;
}

void winebox_archive_entry_free(struct archive_entry *entry) {
    api.archive_entry_free(entry);
}

const char *winebox_archive_entry_pathname(struct archive_entry *entry) {
    return api.archive_entry_pathname(entry);
}

mode_t winebox_archive_entry_filetype(struct archive_entry *entry) {
    return api.archive_entry_filetype(entry);
}

int64_t winebox_archive_entry_size(struct archive_entry *entry) {
    return api.archive_entry_size(entry);
}

int winebox_archive_entry_size_is_set(struct archive_entry *entry) {
    return api.archive_entry_size_is_set(entry);
}

const char *winebox_archive_entry_hardlink(struct archive_entry *entry) {
    return api.archive_entry_hardlink(entry);
}

const char *winebox_archive_entry_symlink(struct archive_entry *entry) {
    return api.archive_entry_symlink(entry);
}

void winebox_archive_entry_set_pathname(struct archive_entry *entry, const char *name) {
    api.archive_entry_set_pathname(entry, name);
}

void winebox_archive_entry_set_filetype(struct archive_entry *entry, unsigned int type) {
    api.archive_entry_set_filetype(entry, type);
}

void winebox_archive_entry_set_perm(struct archive_entry *entry, mode_t permissions) {
    api.archive_entry_set_perm(entry, permissions);
}

void winebox_archive_entry_set_size(struct archive_entry *entry, int64_t size) {
    api.archive_entry_set_size(entry, size);
}

void winebox_archive_entry_set_mtime(struct archive_entry *entry, time_t seconds, long nanoseconds) {
    api.archive_entry_set_mtime(entry, seconds, nanoseconds);
}

void winebox_archive_entry_set_hardlink(struct archive_entry *entry, const char *target) {
    api.archive_entry_set_hardlink(entry, target);
}

void winebox_archive_entry_set_symlink(struct archive_entry *entry, const char *target) {
    api.archive_entry_set_symlink(entry, target);
}

void winebox_archive_entry_set_rdevmajor(struct archive_entry *entry, dev_t major) {
    api.archive_entry_set_rdevmajor(entry, major);
}

void winebox_archive_entry_set_rdevminor(struct archive_entry *entry, dev_t minor) {
    api.archive_entry_set_rdevminor(entry, minor);
}
