#ifndef WINEBOX_CVIPS_SHIM_H
#define WINEBOX_CVIPS_SHIM_H

#include <vips/vips.h>

/* libvips' operations take their optional arguments as NULL-terminated variadic lists, which Swift cannot call.
   Each operation WineBox uses is wrapped here in a `static inline` function with a fixed signature.

   Conventions: functions returning int give 0 on success and -1 on failure (the reason is in
   vips_error_buffer()); an output image belongs to the caller, who releases it with g_object_unref(). Inputs
   are never consumed. Loaders only read the header: pixels are decoded when a later step (a copy to memory, a
   save) asks for them, and that is where a damaged file fails. */

/// The image formats WineBox reads or writes. Values are stable: Swift mirrors them.
enum winebox_vips_format {
    WINEBOX_VIPS_JPEG = 1,
    WINEBOX_VIPS_PNG = 2,
    WINEBOX_VIPS_GIF = 3,
    WINEBOX_VIPS_WEBP = 4,
};

static void winebox_vips_discard_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain;
    (void)level;
    (void)message;
    (void)data;
}

/// Starts libvips for this process. Not thread-safe: call it exactly once (WineBox does so from a Swift
/// `static let`). Returns 0 on success.
///
/// - `concurrency`: worker threads per image pipeline (WineBox uses 1: its own WorkerPool bounds the rest).
/// - `max_cached_operations`: libvips' operation cache; 0 turns it off so memory does not grow with uploads.
/// - Loaders libvips marks untrusted (ImageMagick, OpenSlide, …, loaded as modules) are blocked.
/// - libvips' own warnings, which it prints to stderr, are dropped: every failure that matters comes back as
///   an error return, and stderr belongs to WineBox's structured log.
static inline int winebox_vips_start(int concurrency, int max_cached_operations) {
    if (VIPS_INIT("winebox") != 0) {
        return -1;
    }
    vips_concurrency_set(concurrency);
    vips_cache_set_max(max_cached_operations);
    vips_cache_set_max_files(0);
    vips_block_untrusted_set(TRUE);
    g_log_set_handler(
        "VIPS", (GLogLevelFlags)(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG),
        winebox_vips_discard_log, NULL);
    return 0;
}

/// Opens `length` bytes at `buffer` with the loader of `format` only, never with libvips' own content sniffing,
/// so no other loader ever sees the bytes. Reads the header now and the pixels later, in order
/// (sequential access), failing on any decoding error or truncation (`fail_on=error`). `shrink` (JPEG only:
/// 1, 2, 4 or 8) decodes at a fraction of the size, which is much faster for photos that will be scaled down.
/// GIF and WebP give their first frame. `buffer` must stay valid until the image and everything made from it
/// are released. NULL on failure.
static inline VipsImage *winebox_vips_load_buffer(int format, const void *buffer, size_t length, int shrink) {
    VipsImage *out = NULL;
    void *bytes = (void *)buffer;
    int result = -1;
    switch (format) {
    case WINEBOX_VIPS_JPEG:
        result = vips_jpegload_buffer(
            bytes, length, &out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on", VIPS_FAIL_ON_ERROR, "shrink",
            shrink > 0 ? shrink : 1, NULL);
        break;
    case WINEBOX_VIPS_PNG:
        result = vips_pngload_buffer(
            bytes, length, &out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
        break;
    case WINEBOX_VIPS_GIF:
        result = vips_gifload_buffer(
            bytes, length, &out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
        break;
    case WINEBOX_VIPS_WEBP:
        result = vips_webpload_buffer(
            bytes, length, &out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
        break;
    default:
        vips_error("winebox", "unsupported format %d", format);
        break;
    }
    return result == 0 ? out : NULL;
}

/// Like winebox_vips_load_buffer, from the file at `path`.
static inline VipsImage *winebox_vips_load_file(int format, const char *path, int shrink) {
    VipsImage *out = NULL;
    int result = -1;
    switch (format) {
    case WINEBOX_VIPS_JPEG:
        result = vips_jpegload(
            path, &out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on", VIPS_FAIL_ON_ERROR, "shrink",
            shrink > 0 ? shrink : 1, NULL);
        break;
    case WINEBOX_VIPS_PNG:
        result = vips_pngload(path, &out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
        break;
    case WINEBOX_VIPS_GIF:
        result = vips_gifload(path, &out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
        break;
    case WINEBOX_VIPS_WEBP:
        result = vips_webpload(path, &out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
        break;
    default:
        vips_error("winebox", "unsupported format %d", format);
        break;
    }
    return result == 0 ? out : NULL;
}

/// Scales by `scale` (below 1 to shrink) with libvips' default Lanczos-3 kernel.
static inline int winebox_vips_resize(VipsImage *in, VipsImage **out, double scale) {
    return vips_resize(in, out, scale, NULL);
}

/// Rotates and flips upright as the EXIF orientation says, and drops the orientation tag.
static inline int winebox_vips_autorot(VipsImage *in, VipsImage **out) {
    return vips_autorot(in, out, NULL);
}

/// Converts to 8-bit sRGB, or 8-bit grey for grey images, keeping any alpha band. An embedded ICC profile is
/// applied first (a Display P3 or Adobe RGB photo keeps its colours once the profile is stripped); a profile
/// lcms cannot use is ignored rather than failing the upload.
static inline int winebox_vips_to_srgb(VipsImage *in, VipsImage **out) {
    VipsImage *current = in;
    g_object_ref(current);
    if (vips_image_get_typeof(current, VIPS_META_ICC_NAME) != 0 && vips_icc_present()) {
        VipsImage *transformed = NULL;
        if (vips_icc_transform(
                current, &transformed, "srgb", "embedded", TRUE, "intent", VIPS_INTENT_PERCEPTUAL, NULL)
            == 0) {
            g_object_unref(current);
            current = transformed;
        } else {
            vips_error_clear();
        }
    }
    VipsInterpretation interpretation = vips_image_guess_interpretation(current);
    VipsInterpretation target = (interpretation == VIPS_INTERPRETATION_B_W
                                    || interpretation == VIPS_INTERPRETATION_GREY16)
        ? VIPS_INTERPRETATION_B_W
        : VIPS_INTERPRETATION_sRGB;
    VipsImage *converted = NULL;
    int result = vips_colourspace(current, &converted, target, NULL);
    g_object_unref(current);
    if (result != 0) {
        return -1;
    }
    if (vips_image_get_format(converted) == VIPS_FORMAT_UCHAR) {
        *out = converted;
        return 0;
    }
    result = vips_cast_uchar(converted, out, NULL);
    g_object_unref(converted);
    return result;
}

/// Removes the alpha band, if any, by compositing over white (JPEG has no transparency).
static inline int winebox_vips_flatten_white(VipsImage *in, VipsImage **out) {
    if (!vips_image_hasalpha(in)) {
        return vips_copy(in, out, NULL);
    }
    VipsArrayDouble *white = vips_array_double_newv(1, 255.0);
    int result = vips_flatten(in, out, "background", white, NULL);
    vips_area_unref(VIPS_AREA(white));
    return result;
}

/// Encodes `in` as `format` into a new buffer (free it with g_free()), with every metadata block left out
/// (EXIF, GPS, XMP, IPTC, ICC, comments). `quality` (1-100) is used by JPEG and WebP. GIF is for tests only.
static inline int winebox_vips_save_buffer(int format, VipsImage *in, void **buffer, size_t *length, int quality) {
    switch (format) {
    case WINEBOX_VIPS_JPEG:
        return vips_jpegsave_buffer(
            in, buffer, length, "Q", quality, "strip", TRUE, "optimize_coding", TRUE, NULL);
    case WINEBOX_VIPS_PNG:
        return vips_pngsave_buffer(in, buffer, length, "compression", 6, "strip", TRUE, NULL);
    case WINEBOX_VIPS_WEBP:
        return vips_webpsave_buffer(in, buffer, length, "Q", quality, "strip", TRUE, NULL);
    case WINEBOX_VIPS_GIF:
        return vips_gifsave_buffer(in, buffer, length, "strip", TRUE, NULL);
    default:
        vips_error("winebox", "unsupported format %d", format);
        return -1;
    }
}

#endif
