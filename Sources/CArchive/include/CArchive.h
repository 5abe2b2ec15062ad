#ifndef WINEBOX_CARCHIVE_H
#define WINEBOX_CARCHIVE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

/* libarchive, loaded on first use with dlopen rather than linked: only `winebox backup` and `winebox restore`
   write or read archives, and linking libarchive maps it and the libraries it depends on (libxml2 with ICU,
   liblzma, libzstd, liblz4, libbz2, libacl) into every WineBox process, about 1.5 MiB of resident memory in an
   idle `winebox serve`.

   <archive.h> is not part of this header, so Swift sees only the wrappers below and cannot call libarchive
   directly (which would link it again). The loader (archive_loader.c) includes libarchive's headers and checks
   at compile time that every wrapper has exactly the type of the libarchive function it forwards to, and that
   the constants here equal libarchive's.

   Each wrapper behaves as the libarchive function of the same name without the `winebox_` prefix. The three
   constructors return NULL when libarchive cannot be loaded (winebox_archive_unavailable_reason() says why);
   every other wrapper takes an object one of them returned, so it is only ever called once libarchive is
   loaded. Thread-safe as libarchive is: one archive object is used by one thread at a time. */

struct archive;
struct archive_entry;

/// libarchive's status codes.
#define WINEBOX_ARCHIVE_EOF 1
#define WINEBOX_ARCHIVE_OK 0
#define WINEBOX_ARCHIVE_WARN (-20)

/// libarchive's file-type constants are macros with a cast, `((__LA_MODE_T)0100000)`, a shape the Swift importer
/// skips; these carry the same values under names Swift can see.
static const unsigned int winebox_archive_type_mask = 0170000;
static const unsigned int winebox_archive_type_regular = 0100000;

/// Loads libarchive (libarchive.so.13) once; returns 1 when it is usable, 0 when it is missing or lacks a
/// function WineBox calls. Thread-safe; later calls return the first answer.
int winebox_archive_available(void);

/// Why winebox_archive_available() returned 0 (dlerror's text or the missing function, for messages and the
/// log); NULL when libarchive is available.
const char *winebox_archive_unavailable_reason(void);

struct archive *winebox_archive_read_new(void);
int winebox_archive_read_support_filter_gzip(struct archive *archive);
int winebox_archive_read_support_format_tar(struct archive *archive);
int winebox_archive_read_open_fd(struct archive *archive, int descriptor, size_t block_size);
int winebox_archive_read_open_filename(struct archive *archive, const char *path, size_t block_size);
int winebox_archive_read_next_header(struct archive *archive, struct archive_entry **entry);
ssize_t winebox_archive_read_data(struct archive *archive, void *buffer, size_t size);
int winebox_archive_read_free(struct archive *archive);

struct archive *winebox_archive_write_new(void);
int winebox_archive_write_add_filter_gzip(struct archive *archive);
int winebox_archive_write_set_format_pax_restricted(struct archive *archive);
int winebox_archive_write_open_fd(struct archive *archive, int descriptor);
int winebox_archive_write_open_filename(struct archive *archive, const char *path);
int winebox_archive_write_header(struct archive *archive, struct archive_entry *entry);
ssize_t winebox_archive_write_data(struct archive *archive, const void *bytes, size_t size);
int winebox_archive_write_close(struct archive *archive);
int winebox_archive_write_free(struct archive *archive);

/// The last error on `archive`, or NULL.
const char *winebox_archive_error_string(struct archive *archive);

struct archive_entry *winebox_archive_entry_new(void);
void winebox_archive_entry_free(struct archive_entry *entry);
const char *winebox_archive_entry_pathname(struct archive_entry *entry);
mode_t winebox_archive_entry_filetype(struct archive_entry *entry);
int64_t winebox_archive_entry_size(struct archive_entry *entry);
int winebox_archive_entry_size_is_set(struct archive_entry *entry);
const char *winebox_archive_entry_hardlink(struct archive_entry *entry);
const char *winebox_archive_entry_symlink(struct archive_entry *entry);
void winebox_archive_entry_set_pathname(struct archive_entry *entry, const char *name);
void winebox_archive_entry_set_filetype(struct archive_entry *entry, unsigned int type);
void winebox_archive_entry_set_perm(struct archive_entry *entry, mode_t permissions);
void winebox_archive_entry_set_size(struct archive_entry *entry, int64_t size);
void winebox_archive_entry_set_mtime(struct archive_entry *entry, time_t seconds, long nanoseconds);
void winebox_archive_entry_set_hardlink(struct archive_entry *entry, const char *target);
void winebox_archive_entry_set_symlink(struct archive_entry *entry, const char *target);
void winebox_archive_entry_set_rdevmajor(struct archive_entry *entry, dev_t major);
void winebox_archive_entry_set_rdevminor(struct archive_entry *entry, dev_t minor);

#endif
