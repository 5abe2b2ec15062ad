#include "CTesseract.h"
#include "tesseract_functions.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

/* The Tesseract entry points, resolved once by load_tesseract(). */
#define WINEBOX_TESSERACT_FIELD(result, name, parameters) result(*name) parameters;
static struct {
    WINEBOX_TESSERACT_FUNCTIONS(WINEBOX_TESSERACT_FIELD)
} api;

static int available = 0;
static char unavailable_reason[512] = "";
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Debian's Tesseract runs its LSTM on OpenMP, asking for 4 threads per recognition. On a 2-core server, with one
   recognition per OCR worker, that oversubscribes the cores and spins OpenMP's idle threads: a label took
   170-200 ms instead of about 17 ms. OMP_THREAD_LIMIT=1 keeps each recognition on its calling thread; WineBox
   runs several recognitions at once on its own worker threads instead.

   libgomp reads its environment once, when it is loaded, and nothing else can lower that limit afterwards. So it
   is set here, before libtesseract (and with it libgomp) is opened; libvips also depends on libgomp, and CVips'
   loader sets it too, whichever library comes first. An operator's OMP_THREAD_LIMIT is kept. Changing the
   environment is not thread-safe; it happens once, on the OCR worker thread that loads Tesseract. */
static void limit_openmp_threads(void) {
    setenv("OMP_THREAD_LIMIT", "1", 0);
}

#define WINEBOX_TESSERACT_RESOLVE(result, name, parameters)                                                          \
    *(void **)(&api.name) = dlsym(library, #name);                                                                   \
    if (api.name == NULL) {                                                                                          \
        snprintf(unavailable_reason, sizeof unavailable_reason, "%s has no %s (Tesseract 5 is needed)",              \
            WINEBOX_TESSERACT_SONAME, #name);                                                                        \
        return;                                                                                                      \
    }

/* Runs once, on the thread of the first caller. On failure `available` stays 0 and `unavailable_reason` says
   why. */
static void load_tesseract(void) {
    limit_openmp_threads();
    void *library = dlopen(WINEBOX_TESSERACT_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *error = dlerror();
        snprintf(unavailable_reason, sizeof unavailable_reason, "%s",
            error != NULL ? error : WINEBOX_TESSERACT_SONAME " could not be loaded");
        return;
    }
    WINEBOX_TESSERACT_FUNCTIONS(WINEBOX_TESSERACT_RESOLVE)
    available = 1;
}

int winebox_tesseract_available(void) {
    pthread_once(&once, load_tesseract);
    return available;
}

const char *winebox_tesseract_unavailable_reason(void) {
    return winebox_tesseract_available() ? NULL : unavailable_reason;
}

const char *winebox_tesseract_version(void) {
    return winebox_tesseract_available() ? api.TessVersion() : "";
}

TessBaseAPI *winebox_tesseract_create(void) {
    return winebox_tesseract_available() ? api.TessBaseAPICreate() : NULL;
}

int winebox_tesseract_init(TessBaseAPI *handle, const char *data_path, const char *languages) {
    // Tesseract writes its messages (a missing model, "Estimating resolution as …") to stderr, which belongs to
    // WineBox's structured log; failures come back as return values instead.
    api.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
    if (api.TessBaseAPIInit2(handle, data_path, languages, WINEBOX_TESSERACT_OEM_LSTM_ONLY) != 0) {
        return -1;
    }
    api.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
    return 0;
}

int winebox_tesseract_set_variable(TessBaseAPI *handle, const char *name, const char *value) {
    return api.TessBaseAPISetVariable(handle, name, value) ? 1 : 0;
}

void winebox_tesseract_set_page_segmentation(TessBaseAPI *handle, int mode) {
    api.TessBaseAPISetPageSegMode(handle, (unsigned int)mode);
}

void winebox_tesseract_set_image(
    TessBaseAPI *handle, const unsigned char *pixels, int width, int height, int bytes_per_pixel, int bytes_per_line) {
    api.TessBaseAPISetImage(handle, pixels, width, height, bytes_per_pixel, bytes_per_line);
}

void winebox_tesseract_set_source_resolution(TessBaseAPI *handle, int pixels_per_inch) {
    api.TessBaseAPISetSourceResolution(handle, pixels_per_inch);
}

int winebox_tesseract_recognize(TessBaseAPI *handle) {
    return api.TessBaseAPIRecognize(handle, NULL) == 0 ? 0 : -1;
}

char *winebox_tesseract_tsv_text(TessBaseAPI *handle) {
    return api.TessBaseAPIGetTsvText(handle, 0);
}

char *winebox_tesseract_utf8_text(TessBaseAPI *handle) {
    return api.TessBaseAPIGetUTF8Text(handle);
}

int winebox_tesseract_mean_confidence(TessBaseAPI *handle) {
    return api.TessBaseAPIMeanTextConf(handle);
}

void winebox_tesseract_free_text(char *text) {
    if (text != NULL) {
        api.TessDeleteText(text);
    }
}

void winebox_tesseract_clear(TessBaseAPI *handle) {
    api.TessBaseAPIClear(handle);
}

void winebox_tesseract_delete(TessBaseAPI *handle) {
    if (handle != NULL) {
        api.TessBaseAPIEnd(handle);
        api.TessBaseAPIDelete(handle);
    }
}
