#include "CVips.h"
#include "vips_functions.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

/* The libvips entry points, resolved once by load_libvips(). */
#define WINEBOX_VIPS_FIELD(result, name, parameters) result(*name) parameters;
static struct {
    WINEBOX_VIPS_FUNCTIONS(WINEBOX_VIPS_FIELD)
} api;

static int available = 0;
static char unavailable_reason[512] = "";
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void discard_log(const char *domain, int level, const char *message, void *data) {
    (void)domain;
    (void)level;
    (void)message;
    (void)data;
}

/* vips_init loads every module in <libdir>/vips-modules-8.14: in Debian 12 the ImageMagick, HEIF, JPEG XL, PDF
   and OpenSlide loaders and the libraries they need, which WineBox never uses (its JPEG, PNG, GIF and WebP
   loaders are part of libvips itself; the modules' loaders are blocked as untrusted anyway). libvips 8.14 has no
   switch for this but the environment variable VIPSHOME, its install prefix, from which vips_init derives libdir.
   Pointing it at /dev/null, under which no folder can exist, leaves libvips without modules; it uses the prefix
   for nothing else than finding translations of its messages, which WineBox only logs.

   Changing the environment is not thread-safe, and this runs on an image worker thread of a running server. But
   when VIPSHOME is not set, vips_init sets it itself, right here (to /usr, with g_setenv): setting it first
   replaces that write rather than adding one. A VIPSHOME the operator set is kept, and then nothing is written.
   (Setting it earlier, in a constructor, would be no better: Swift's runtime finds argv by walking back from
   `environ`, which setenv moves off the initial stack, and the static `winebox` binary then sees no arguments.) */
static void keep_modules_out(void) {
    setenv("VIPSHOME", "/dev/null", 0);
}

/* libvips depends on libgomp (OpenMP), which reads OMP_THREAD_LIMIT once, when it is loaded. Tesseract, loaded
   later by label reading, asks OpenMP for 4 threads per recognition, which on a 2-core server made each label
   ten times slower (see tesseract_loader.c). Whichever of the two libraries is opened first sets the limit;
   libvips itself makes no use of OpenMP. An operator's OMP_THREAD_LIMIT is kept. */
static void limit_openmp_threads(void) {
    setenv("OMP_THREAD_LIMIT", "1", 0);
}

#define WINEBOX_VIPS_RESOLVE(result, name, parameters)                                                               \
    *(void **)(&api.name) = dlsym(library, #name);                                                                   \
    if (api.name == NULL) {                                                                                          \
        snprintf(unavailable_reason, sizeof unavailable_reason, "%s has no %s (libvips 8.13 or later is needed)",    \
            WINEBOX_VIPS_SONAME, #name);                                                                             \
        return;                                                                                                      \
    }

/* Runs once, on the thread of the first caller: loads libvips, resolves every function, checks the ABI as
   VIPS_INIT does, starts libvips and applies the settings that never change. On failure `available` stays 0
   and `unavailable_reason` says why. */
static void load_libvips(void) {
    limit_openmp_threads();
    void *library = dlopen(WINEBOX_VIPS_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *error = dlerror();
        snprintf(unavailable_reason, sizeof unavailable_reason, "%s",
            error != NULL ? error : WINEBOX_VIPS_SONAME " could not be loaded");
        return;
    }
    WINEBOX_VIPS_FUNCTIONS(WINEBOX_VIPS_RESOLVE)

    int abi = api.vips_version(3) - api.vips_version(5);
    if (abi != WINEBOX_VIPS_ABI) {
        snprintf(unavailable_reason, sizeof unavailable_reason, "%s has ABI version %d, WineBox needs %d",
            WINEBOX_VIPS_SONAME, abi, WINEBOX_VIPS_ABI);
        return;
    }
    keep_modules_out();
    if (api.vips_init("winebox") != 0) {
        snprintf(unavailable_reason, sizeof unavailable_reason, "vips_init failed: %s", api.vips_error_buffer());
        api.vips_error_clear();
        return;
    }
    // Loaders libvips marks untrusted (ImageMagick, OpenSlide, …) are blocked, should any module be loaded.
    api.vips_block_untrusted_set(1);
    api.vips_cache_set_max_files(0);
    // WineBox's settings until winebox_vips_start() says otherwise: one thread per pipeline, no operation cache.
    api.vips_concurrency_set(1);
    api.vips_cache_set_max(0);
    // libvips' own warnings, which it prints to stderr, are dropped: every failure that matters comes back as an
    // error return, and stderr belongs to WineBox's structured log.
    api.g_log_set_handler("VIPS",
        WINEBOX_G_LOG_LEVEL_WARNING | WINEBOX_G_LOG_LEVEL_MESSAGE | WINEBOX_G_LOG_LEVEL_INFO
            | WINEBOX_G_LOG_LEVEL_DEBUG,
        discard_log, NULL);
    available = 1;
}

int winebox_vips_available(void) {
    pthread_once(&once, load_libvips);
    return available;
}

const char *winebox_vips_unavailable_reason(void) {
    return winebox_vips_available() ? NULL : unavailable_reason;
}

int winebox_vips_start(int concurrency, int max_cached_operations) {
    if (!winebox_vips_available()) {
        return -1;
    }
    api.vips_concurrency_set(concurrency);
    api.vips_cache_set_max(max_cached_operations);
    return 0;
}

VipsImage *winebox_vips_load_buffer(int format, const void *buffer, size_t length, int shrink) {
    if (!winebox_vips_available()) {
        return NULL;
    }
    VipsImage *out = NULL;
    void *bytes = (void *)buffer;
    int result = -1;
    switch (format) {
    case WINEBOX_VIPS_JPEG:
        result = api.vips_jpegload_buffer(bytes, length, &out, "access", WINEBOX_VIPS_ACCESS_SEQUENTIAL, "fail_on",
            WINEBOX_VIPS_FAIL_ON_ERROR, "shrink", shrink > 0 ? shrink : 1, NULL);
        break;
    case WINEBOX_VIPS_PNG:
        result = api.vips_pngload_buffer(bytes, length, &out, "access", WINEBOX_VIPS_ACCESS_SEQUENTIAL, "fail_on",
            WINEBOX_VIPS_FAIL_ON_ERROR, NULL);
        break;
    case WINEBOX_VIPS_GIF:
        result = api.vips_gifload_buffer(bytes, length, &out, "access", WINEBOX_VIPS_ACCESS_SEQUENTIAL, "fail_on",
            WINEBOX_VIPS_FAIL_ON_ERROR, NULL);
        break;
    case WINEBOX_VIPS_WEBP:
        result = api.vips_webpload_buffer(bytes, length, &out, "access", WINEBOX_VIPS_ACCESS_SEQUENTIAL, "fail_on",
            WINEBOX_VIPS_FAIL_ON_ERROR, NULL);
        break;
    default:
        api.vips_error("winebox", "unsupported format %d", format);
        break;
    }
    return result == 0 ? out : NULL;
}

VipsImage *winebox_vips_load_file(int format, const char *path, int shrink) {
    if (!winebox_vips_available()) {
        return NULL;
    }
    VipsImage *out = NULL;
    int result = -1;
    switch (format) {
    case WINEBOX_VIPS_JPEG:
        result = api.vips_jpegload(path, &out, "access", WINEBOX_VIPS_ACCESS_SEQUENTIAL, "fail_on",
            WINEBOX_VIPS_FAIL_ON_ERROR, "shrink", shrink > 0 ? shrink : 1, NULL);
        break;
    case WINEBOX_VIPS_PNG:
        result = api.vips_pngload(
            path, &out, "access", WINEBOX_VIPS_ACCESS_SEQUENTIAL, "fail_on", WINEBOX_VIPS_FAIL_ON_ERROR, NULL);
        break;
    case WINEBOX_VIPS_GIF:
        result = api.vips_gifload(
            path, &out, "access", WINEBOX_VIPS_ACCESS_SEQUENTIAL, "fail_on", WINEBOX_VIPS_FAIL_ON_ERROR, NULL);
        break;
    case WINEBOX_VIPS_WEBP:
        result = api.vips_webpload(
            path, &out, "access", WINEBOX_VIPS_ACCESS_SEQUENTIAL, "fail_on", WINEBOX_VIPS_FAIL_ON_ERROR, NULL);
        break;
    default:
        api.vips_error("winebox", "unsupported format %d", format);
        break;
    }
    return result == 0 ? out : NULL;
}

VipsImage *winebox_vips_image_new_from_memory_copy(const void *pixels, size_t size, int width, int height, int bands) {
    if (!winebox_vips_available()) {
        return NULL;
    }
    return api.vips_image_new_from_memory_copy(pixels, size, width, height, bands, WINEBOX_VIPS_FORMAT_UCHAR);
}

int winebox_vips_resize(VipsImage *in, VipsImage **out, double scale) {
    return api.vips_resize(in, out, scale, NULL);
}

int winebox_vips_autorot(VipsImage *in, VipsImage **out) {
    return api.vips_autorot(in, out, NULL);
}

int winebox_vips_to_srgb(VipsImage *in, VipsImage **out) {
    VipsImage *current = in;
    api.g_object_ref(current);
    if (api.vips_image_get_typeof(current, WINEBOX_VIPS_META_ICC_NAME) != 0 && api.vips_icc_present()) {
        VipsImage *transformed = NULL;
        if (api.vips_icc_transform(
                current, &transformed, "srgb", "embedded", 1, "intent", WINEBOX_VIPS_INTENT_PERCEPTUAL, NULL)
            == 0) {
            api.g_object_unref(current);
            current = transformed;
        } else {
            api.vips_error_clear();
        }
    }
    int interpretation = api.vips_image_guess_interpretation(current);
    int target = (interpretation == WINEBOX_VIPS_INTERPRETATION_B_W
                     || interpretation == WINEBOX_VIPS_INTERPRETATION_GREY16)
        ? WINEBOX_VIPS_INTERPRETATION_B_W
        : WINEBOX_VIPS_INTERPRETATION_SRGB;
    VipsImage *converted = NULL;
    int result = api.vips_colourspace(current, &converted, target, NULL);
    api.g_object_unref(current);
    if (result != 0) {
        return -1;
    }
    if (api.vips_image_get_format(converted) == WINEBOX_VIPS_FORMAT_UCHAR) {
        *out = converted;
        return 0;
    }
    result = api.vips_cast_uchar(converted, out, NULL);
    api.g_object_unref(converted);
    return result;
}

int winebox_vips_flatten_white(VipsImage *in, VipsImage **out) {
    if (!api.vips_image_hasalpha(in)) {
        return api.vips_copy(in, out, NULL);
    }
    VipsArrayDouble *white = api.vips_array_double_newv(1, 255.0);
    int result = api.vips_flatten(in, out, "background", white, NULL);
    // VIPS_AREA(): a VipsArrayDouble starts with its VipsArea.
    api.vips_area_unref((VipsArea *)white);
    return result;
}

int winebox_vips_to_grey(VipsImage *in, VipsImage **out) {
    VipsImage *colour = NULL;
    if (winebox_vips_to_srgb(in, &colour) != 0) {
        return -1;
    }
    VipsImage *flat = NULL;
    int result = winebox_vips_flatten_white(colour, &flat);
    api.g_object_unref(colour);
    if (result != 0) {
        return -1;
    }
    VipsImage *grey = NULL;
    result = api.vips_colourspace(flat, &grey, WINEBOX_VIPS_INTERPRETATION_B_W, NULL);
    api.g_object_unref(flat);
    if (result != 0) {
        return -1;
    }
    result = api.vips_cast_uchar(grey, out, NULL);
    api.g_object_unref(grey);
    return result;
}

int winebox_vips_stretch_contrast(VipsImage *in, VipsImage **out, double low_percent, double high_percent) {
    int low = 0;
    int high = 255;
    if (api.vips_percent(in, low_percent, &low, NULL) != 0 || api.vips_percent(in, high_percent, &high, NULL) != 0) {
        return -1;
    }
    if (high <= low) {
        return api.vips_copy(in, out, NULL);
    }
    double gain = 255.0 / (double)(high - low);
    VipsImage *stretched = NULL;
    if (api.vips_linear1(in, &stretched, gain, -gain * (double)low, NULL) != 0) {
        return -1;
    }
    // The cast clips to 0-255.
    int result = api.vips_cast_uchar(stretched, out, NULL);
    api.g_object_unref(stretched);
    return result;
}

int winebox_vips_rotate(VipsImage *in, VipsImage **out, int quarter_turns) {
    return api.vips_rot(in, out, (unsigned int)(((quarter_turns % 4) + 4) % 4), NULL);
}

int winebox_vips_sharpen(VipsImage *in, VipsImage **out) {
    return api.vips_sharpen(in, out, NULL);
}

int winebox_vips_invert(VipsImage *in, VipsImage **out) {
    return api.vips_invert(in, out, NULL);
}

int winebox_vips_embed_white(VipsImage *in, VipsImage **out, int x, int y, int width, int height) {
    return api.vips_embed(in, out, x, y, width, height, "extend", WINEBOX_VIPS_EXTEND_WHITE, NULL);
}

int winebox_vips_text(VipsImage **out, const char *markup, const char *font, int width, int dpi) {
    if (!winebox_vips_available()) {
        return -1;
    }
    if (width > 0) {
        return api.vips_text(out, markup, "font", font, "width", width, "dpi", dpi, NULL);
    }
    return api.vips_text(out, markup, "font", font, "dpi", dpi, NULL);
}

void *winebox_vips_write_to_memory(VipsImage *in, size_t *length) {
    return api.vips_image_write_to_memory(in, length);
}

VipsImage *winebox_vips_image_copy_memory(VipsImage *image) {
    return api.vips_image_copy_memory(image);
}

int winebox_vips_save_buffer(int format, VipsImage *in, void **buffer, size_t *length, int quality) {
    switch (format) {
    case WINEBOX_VIPS_JPEG:
        return api.vips_jpegsave_buffer(in, buffer, length, "Q", quality, "strip", 1, "optimize_coding", 1, NULL);
    case WINEBOX_VIPS_PNG:
        return api.vips_pngsave_buffer(in, buffer, length, "compression", 6, "strip", 1, NULL);
    case WINEBOX_VIPS_WEBP:
        return api.vips_webpsave_buffer(in, buffer, length, "Q", quality, "strip", 1, NULL);
    case WINEBOX_VIPS_GIF:
        return api.vips_gifsave_buffer(in, buffer, length, "strip", 1, NULL);
    default:
        api.vips_error("winebox", "unsupported format %d", format);
        return -1;
    }
}

int winebox_vips_image_get_width(const VipsImage *image) {
    return api.vips_image_get_width(image);
}

int winebox_vips_image_get_height(const VipsImage *image) {
    return api.vips_image_get_height(image);
}

int winebox_vips_image_get_bands(const VipsImage *image) {
    return api.vips_image_get_bands(image);
}

int winebox_vips_image_hasalpha(VipsImage *image) {
    return api.vips_image_hasalpha(image) ? 1 : 0;
}

int winebox_vips_image_has_field(const VipsImage *image, const char *name) {
    return api.vips_image_get_typeof(image, name) != 0;
}

int winebox_vips_image_get_int(const VipsImage *image, const char *name, int *out) {
    return api.vips_image_get_int(image, name, out);
}

char **winebox_vips_image_get_fields(VipsImage *image) {
    return api.vips_image_get_fields(image);
}

void winebox_vips_image_unref(VipsImage *image) {
    if (image != NULL) {
        api.g_object_unref(image);
    }
}

void winebox_vips_free(void *memory) {
    if (memory != NULL) {
        api.g_free(memory);
    }
}

void winebox_vips_free_strings(char **strings) {
    if (strings != NULL) {
        api.g_strfreev(strings);
    }
}

const char *winebox_vips_error_buffer(void) {
    return winebox_vips_available() ? api.vips_error_buffer() : unavailable_reason;
}

void winebox_vips_error_clear(void) {
    if (winebox_vips_available()) {
        api.vips_error_clear();
    }
}
