#ifndef WINEBOX_CVIPS_H
#define WINEBOX_CVIPS_H

#include <stddef.h>

/* libvips, loaded on first use with dlopen rather than linked: linking it maps about 90 libraries (GLib, GIO,
   cairo, pango, OpenEXR, HDF5, …) into every WineBox process at start, about 14 MiB of resident memory, while
   most processes never see a label photo.

   libvips' headers are not used here: the few functions WineBox calls are declared in vips_functions.h, which
   the CVipsABICheck target compares with <vips/vips.h> at build time. Every call goes through the functions
   below, which are safe to call from any thread once winebox_vips_available() has returned 1. An image is
   only ever used by one thread at a time.

   Conventions: functions returning int give 0 on success and -1 on failure (the reason is in
   winebox_vips_error_buffer()); an output image belongs to the caller, who releases it with
   winebox_vips_image_unref(). Inputs are never consumed. Loaders only read the header: pixels are decoded when
   a later step (a copy to memory, a save) asks for them, and that is where a damaged file fails. */

/// A libvips image; opaque (Swift sees an OpaquePointer).
typedef struct _VipsImage VipsImage;

/// The image formats WineBox reads or writes. Values are stable: Swift mirrors them.
enum winebox_vips_format {
    WINEBOX_VIPS_JPEG = 1,
    WINEBOX_VIPS_PNG = 2,
    WINEBOX_VIPS_GIF = 3,
    WINEBOX_VIPS_WEBP = 4,
};

/// Loads libvips (libvips.so.42) and starts it once; returns 1 when it is usable, 0 when the library is missing,
/// too old, or failed to start. Thread-safe; later calls return the first answer.
///
/// Started with one worker thread per pipeline, no operation cache (memory does not grow with uploads), untrusted
/// loaders blocked, and libvips' stderr warnings dropped. Its dynamic modules (ImageMagick, HEIF, JPEG XL, PDF,
/// OpenSlide) are never loaded: see vips_loader.c.
int winebox_vips_available(void);

/// Why winebox_vips_available() returned 0 (the loader's message, for the log); NULL when libvips is available.
const char *winebox_vips_unavailable_reason(void);

/// Starts libvips if needed (winebox_vips_available()), then sets the worker threads per image pipeline and the
/// size of the operation cache (0 turns it off). Returns 0 on success, -1 when libvips is not available.
int winebox_vips_start(int concurrency, int max_cached_operations);

/// Opens `length` bytes at `buffer` with the loader of `format` only, never with libvips' own content sniffing,
/// so no other loader ever sees the bytes. Reads the header now and the pixels later, in order
/// (sequential access), failing on any decoding error or truncation (`fail_on=error`). `shrink` (JPEG only:
/// 1, 2, 4 or 8) decodes at a fraction of the size, which is much faster for photos that will be scaled down.
/// GIF and WebP give their first frame. `buffer` must stay valid until the image and everything made from it
/// are released. NULL on failure.
VipsImage *winebox_vips_load_buffer(int format, const void *buffer, size_t length, int shrink);

/// Like winebox_vips_load_buffer, from the file at `path`.
VipsImage *winebox_vips_load_file(int format, const char *path, int shrink);

/// Wraps a copy of `width` × `height` 8-bit pixels of `bands` bands each (3: RGB, 4: RGBA); NULL on failure.
VipsImage *winebox_vips_image_new_from_memory_copy(const void *pixels, size_t size, int width, int height, int bands);

/// Scales by `scale` (below 1 to shrink) with libvips' default Lanczos-3 kernel.
int winebox_vips_resize(VipsImage *in, VipsImage **out, double scale);

/// Rotates and flips upright as the EXIF orientation says, and drops the orientation tag.
int winebox_vips_autorot(VipsImage *in, VipsImage **out);

/// Converts to 8-bit sRGB, or 8-bit grey for grey images, keeping any alpha band. An embedded ICC profile is
/// applied first (a Display P3 or Adobe RGB photo keeps its colours once the profile is stripped); a profile
/// lcms cannot use is ignored rather than failing the upload.
int winebox_vips_to_srgb(VipsImage *in, VipsImage **out);

/// Removes the alpha band, if any, by compositing over white (JPEG has no transparency).
int winebox_vips_flatten_white(VipsImage *in, VipsImage **out);

/// Converts to one band of 8-bit grey: an alpha band is composited over white first, colour is converted to
/// luminance through sRGB (applying an embedded ICC profile as winebox_vips_to_srgb() does).
int winebox_vips_to_grey(VipsImage *in, VipsImage **out);

/// Stretches the contrast of a one-band 8-bit image linearly so that the darkest `low_percent` of its pixels
/// become black and the brightest (100 - `high_percent`) white, clipping the rest. An image of one flat colour
/// is copied unchanged. Reads every pixel of `in` (twice): make it an in-memory image first.
int winebox_vips_stretch_contrast(VipsImage *in, VipsImage **out, double low_percent, double high_percent);

/// Rotates clockwise by `quarter_turns` × 90 degrees (0-3).
int winebox_vips_rotate(VipsImage *in, VipsImage **out, int quarter_turns);

/// Sharpens edges lightly (libvips' defaults: a Gaussian of sigma 0.5), keeping the format.
int winebox_vips_sharpen(VipsImage *in, VipsImage **out);

/// Swaps black and white (255 - value for 8-bit images).
int winebox_vips_invert(VipsImage *in, VipsImage **out);

/// Places `in` at (`x`, `y`) in a new `width` × `height` image whose new pixels are white.
int winebox_vips_embed_white(VipsImage *in, VipsImage **out, int x, int y, int width, int height);

/// Renders Pango `markup` in `font` ("DejaVu Serif 24"), wrapped at `width` pixels (0: no wrapping), at `dpi`: a
/// one-band 8-bit image, 255 where the text is. Needs libvips built with Pango (Debian's is).
int winebox_vips_text(VipsImage **out, const char *markup, const char *font, int width, int dpi);

/// Every pixel of `in`, decoded, in a new buffer of `*length` bytes: rows top to bottom, bands interleaved. Free
/// it with winebox_vips_free(). NULL on failure.
void *winebox_vips_write_to_memory(VipsImage *in, size_t *length);

/// Decodes every pixel into a new image in memory. This is where a damaged or truncated file fails. NULL on
/// failure.
VipsImage *winebox_vips_image_copy_memory(VipsImage *image);

/// Encodes `in` as `format` into a new buffer (free it with winebox_vips_free()), with every metadata block left
/// out (EXIF, GPS, XMP, IPTC, ICC, comments). `quality` (1-100) is used by JPEG and WebP. GIF is for tests only.
int winebox_vips_save_buffer(int format, VipsImage *in, void **buffer, size_t *length, int quality);

int winebox_vips_image_get_width(const VipsImage *image);
int winebox_vips_image_get_height(const VipsImage *image);
int winebox_vips_image_get_bands(const VipsImage *image);
/// 1 when the last band is transparency.
int winebox_vips_image_hasalpha(VipsImage *image);
/// 1 when the image has the header field or metadata item `name`.
int winebox_vips_image_has_field(const VipsImage *image, const char *name);
/// Reads the integer field `name` into `*out`; 0 on success.
int winebox_vips_image_get_int(const VipsImage *image, const char *name, int *out);
/// The names of every header field and metadata item, NULL-terminated; free with winebox_vips_free_strings().
char **winebox_vips_image_get_fields(VipsImage *image);

/// Releases an image (one reference).
void winebox_vips_image_unref(VipsImage *image);
/// Frees a buffer libvips allocated (an encoded image).
void winebox_vips_free(void *memory);
/// Frees a NULL-terminated array of strings libvips allocated.
void winebox_vips_free_strings(char **strings);

/// libvips' error text: one buffer for all threads, for the log only. Never NULL.
const char *winebox_vips_error_buffer(void);
/// Empties libvips' error buffer.
void winebox_vips_error_clear(void);

#endif
