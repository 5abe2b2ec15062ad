#ifndef WINEBOX_CARCHIVE_SHIM_H
#define WINEBOX_CARCHIVE_SHIM_H

#include <archive.h>
#include <archive_entry.h>

// libarchive spells its file-type constants as macros with a cast, `((__LA_MODE_T)0100000)`, a shape the
// Swift importer skips. These constants carry the same values under names Swift can see.
static const unsigned int winebox_archive_type_mask = AE_IFMT;
static const unsigned int winebox_archive_type_regular = AE_IFREG;

#endif
