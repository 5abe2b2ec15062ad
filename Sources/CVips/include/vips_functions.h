#ifndef WINEBOX_CVIPS_FUNCTIONS_H
#define WINEBOX_CVIPS_FUNCTIONS_H

/* The part of libvips' ABI that WineBox uses, declared without libvips' or GLib's headers: the loader
   (vips_loader.c) resolves each function with dlsym, and CVipsABICheck checks every declaration and constant
   here against <vips/vips.h> at build time. Not part of the Swift module (see module.modulemap).

   GLib types are spelled as what they are on Linux: gboolean and gint are int, GType (gsize) is unsigned long,
   gpointer is void *, gchar is char. libvips' enums that can be negative are int (their C type). */

#include <stddef.h>

#include "CVips.h"

typedef struct _VipsArea VipsArea;
typedef struct _VipsArrayDouble VipsArrayDouble;

/// GLogFunc.
typedef void (*winebox_vips_log_function)(const char *domain, int level, const char *message, void *data);

/// The ABI version the declarations are for: VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE, the soname's number.
#define WINEBOX_VIPS_ABI 42
#define WINEBOX_VIPS_SONAME "libvips.so.42"

#define WINEBOX_VIPS_ACCESS_SEQUENTIAL 1
#define WINEBOX_VIPS_FAIL_ON_ERROR 2
#define WINEBOX_VIPS_INTENT_PERCEPTUAL 0
#define WINEBOX_VIPS_INTERPRETATION_B_W 1
#define WINEBOX_VIPS_INTERPRETATION_SRGB 22
#define WINEBOX_VIPS_INTERPRETATION_GREY16 26
#define WINEBOX_VIPS_FORMAT_UCHAR 0
#define WINEBOX_VIPS_EXTEND_WHITE 4
#define WINEBOX_VIPS_META_ICC_NAME "icc-profile-data"
#define WINEBOX_G_LOG_LEVEL_WARNING (1 << 4)
#define WINEBOX_G_LOG_LEVEL_MESSAGE (1 << 5)
#define WINEBOX_G_LOG_LEVEL_INFO (1 << 6)
#define WINEBOX_G_LOG_LEVEL_DEBUG (1 << 7)

/// Every function WineBox calls, as F(return type, name, (parameters)). The GObject and GLib functions are
/// found through libvips' handle, which searches its dependencies too.
#define WINEBOX_VIPS_FUNCTIONS(F)                                                                                    \
    F(int, vips_version, (int flag))                                                                                 \
    F(int, vips_init, (const char *argv0))                                                                           \
    F(void, vips_concurrency_set, (int concurrency))                                                                 \
    F(void, vips_cache_set_max, (int max))                                                                           \
    F(void, vips_cache_set_max_files, (int max_files))                                                               \
    F(void, vips_block_untrusted_set, (int state))                                                                   \
    F(const char *, vips_error_buffer, (void))                                                                       \
    F(void, vips_error_clear, (void))                                                                                \
    F(void, vips_error, (const char *domain, const char *fmt, ...))                                                  \
    F(int, vips_jpegload_buffer, (void *buf, size_t len, VipsImage **out, ...))                                      \
    F(int, vips_pngload_buffer, (void *buf, size_t len, VipsImage **out, ...))                                       \
    F(int, vips_gifload_buffer, (void *buf, size_t len, VipsImage **out, ...))                                       \
    F(int, vips_webpload_buffer, (void *buf, size_t len, VipsImage **out, ...))                                      \
    F(int, vips_jpegload, (const char *filename, VipsImage **out, ...))                                              \
    F(int, vips_pngload, (const char *filename, VipsImage **out, ...))                                               \
    F(int, vips_gifload, (const char *filename, VipsImage **out, ...))                                               \
    F(int, vips_webpload, (const char *filename, VipsImage **out, ...))                                              \
    F(VipsImage *, vips_image_new_from_memory_copy,                                                                  \
        (const void *data, size_t size, int width, int height, int bands, int format))                               \
    F(int, vips_resize, (VipsImage *in, VipsImage **out, double scale, ...))                                         \
    F(int, vips_autorot, (VipsImage *in, VipsImage **out, ...))                                                      \
    F(int, vips_icc_present, (void))                                                                                 \
    F(int, vips_icc_transform, (VipsImage *in, VipsImage **out, const char *output_profile, ...))                    \
    F(int, vips_image_guess_interpretation, (const VipsImage *image))                                                \
    F(int, vips_colourspace, (VipsImage *in, VipsImage **out, int space, ...))                                       \
    F(int, vips_image_get_format, (const VipsImage *image))                                                          \
    F(int, vips_cast_uchar, (VipsImage *in, VipsImage **out, ...))                                                   \
    F(int, vips_copy, (VipsImage *in, VipsImage **out, ...))                                                         \
    F(VipsArrayDouble *, vips_array_double_newv, (int n, ...))                                                       \
    F(int, vips_flatten, (VipsImage *in, VipsImage **out, ...))                                                      \
    F(void, vips_area_unref, (VipsArea *area))                                                                       \
    F(int, vips_percent, (VipsImage *in, double percent, int *threshold, ...))                                       \
    F(int, vips_linear1, (VipsImage *in, VipsImage **out, double a, double b, ...))                                  \
    F(int, vips_rot, (VipsImage *in, VipsImage **out, unsigned int angle, ...))                                      \
    F(int, vips_sharpen, (VipsImage *in, VipsImage **out, ...))                                                      \
    F(int, vips_invert, (VipsImage *in, VipsImage **out, ...))                                                       \
    F(int, vips_embed, (VipsImage *in, VipsImage **out, int x, int y, int width, int height, ...))                   \
    F(int, vips_text, (VipsImage **out, const char *text, ...))                                                      \
    F(void *, vips_image_write_to_memory, (VipsImage *in, size_t *size))                                             \
    F(VipsImage *, vips_image_copy_memory, (VipsImage *image))                                                       \
    F(int, vips_jpegsave_buffer, (VipsImage *in, void **buf, size_t *len, ...))                                      \
    F(int, vips_pngsave_buffer, (VipsImage *in, void **buf, size_t *len, ...))                                       \
    F(int, vips_webpsave_buffer, (VipsImage *in, void **buf, size_t *len, ...))                                      \
    F(int, vips_gifsave_buffer, (VipsImage *in, void **buf, size_t *len, ...))                                       \
    F(int, vips_image_get_width, (const VipsImage *image))                                                           \
    F(int, vips_image_get_height, (const VipsImage *image))                                                          \
    F(int, vips_image_get_bands, (const VipsImage *image))                                                           \
    F(int, vips_image_hasalpha, (VipsImage *image))                                                                  \
    F(unsigned long, vips_image_get_typeof, (const VipsImage *image, const char *name))                              \
    F(int, vips_image_get_int, (const VipsImage *image, const char *name, int *out))                                 \
    F(char **, vips_image_get_fields, (VipsImage *image))                                                            \
    F(void *, g_object_ref, (void *object))                                                                          \
    F(void, g_object_unref, (void *object))                                                                          \
    F(void, g_free, (void *mem))                                                                                     \
    F(void, g_strfreev, (char **str_array))                                                                          \
    F(unsigned int, g_log_set_handler,                                                                               \
        (const char *log_domain, int log_levels, winebox_vips_log_function log_func, void *user_data))

#endif
