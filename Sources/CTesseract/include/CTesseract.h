#ifndef WINEBOX_CTESSERACT_H
#define WINEBOX_CTESSERACT_H

/* Tesseract (libtesseract.so.5), loaded on first use with dlopen rather than linked: linking it would map
   Tesseract, Leptonica, libarchive, libcurl and OpenMP into every WineBox process at start, while only label
   reading needs them; idle memory stays small and nothing of Tesseract is resident until the first scan.

   Tesseract's headers are not used here: the few C API functions WineBox calls are declared in
   tesseract_functions.h, which the CTesseractABICheck target compares with <tesseract/capi.h> at build time.
   Leptonica is never called: images are handed over as raw 8-bit pixels.

   Threading: winebox_tesseract_available() is thread-safe. A TessBaseAPI handle is not: each one must only ever
   be used by one thread at a time (WineBox keeps one per OCR worker thread). Different handles may be used on
   different threads at once. */

/// A Tesseract engine (TessBaseAPI); opaque (Swift sees an OpaquePointer).
typedef struct TessBaseAPI TessBaseAPI;

/// Tesseract's page segmentation modes WineBox uses. Values are Tesseract's own (checked at build time).
enum winebox_tesseract_page_segmentation {
    /// Finds blocks and lines of text itself, without orientation detection (PSM_AUTO, 3).
    WINEBOX_TESSERACT_PSM_AUTO = 3,
    /// One uniform block of text (PSM_SINGLE_BLOCK, 6).
    WINEBOX_TESSERACT_PSM_SINGLE_BLOCK = 6,
    /// As much text as possible in no particular order (PSM_SPARSE_TEXT, 11).
    WINEBOX_TESSERACT_PSM_SPARSE_TEXT = 11,
};

/// Loads libtesseract.so.5 once; returns 1 when it is usable, 0 when it is missing or lacks a function WineBox
/// calls. Thread-safe; later calls return the first answer.
///
/// Sets OMP_THREAD_LIMIT=1 first unless the environment already has it (see tesseract_loader.c for why).
int winebox_tesseract_available(void);

/// Why winebox_tesseract_available() returned 0 (the loader's message, for the log); NULL when it is usable.
const char *winebox_tesseract_unavailable_reason(void);

/// Tesseract's version ("5.3.0"), or "" when it is not available.
const char *winebox_tesseract_version(void);

/// A new engine, not yet initialised; NULL when Tesseract is not available.
TessBaseAPI *winebox_tesseract_create(void);

/// Loads the models of `languages` ("eng+fra") from the folder `data_path` with the LSTM engine only, and
/// silences Tesseract's messages to stderr. Returns 0 on success, -1 when a model is missing or unreadable (the
/// engine must then be deleted). Takes about 0.1 s per language.
int winebox_tesseract_init(TessBaseAPI *api, const char *data_path, const char *languages);

/// Sets a Tesseract parameter; returns 1 when the name is known.
int winebox_tesseract_set_variable(TessBaseAPI *api, const char *name, const char *value);

/// Sets the page segmentation mode for the next recognition (an enum winebox_tesseract_page_segmentation).
void winebox_tesseract_set_page_segmentation(TessBaseAPI *api, int mode);

/// Hands over `height` rows of `width` pixels, `bytes_per_pixel` bytes each (1: grey), rows `bytes_per_line`
/// apart. Tesseract copies them; the caller keeps the buffer. Forgets the previous image and its results.
void winebox_tesseract_set_image(
    TessBaseAPI *api, const unsigned char *pixels, int width, int height, int bytes_per_pixel, int bytes_per_line);

/// The image's resolution in pixels per inch, which Tesseract otherwise estimates (and reports on stderr).
void winebox_tesseract_set_source_resolution(TessBaseAPI *api, int pixels_per_inch);

/// Recognises the image set last; 0 on success, -1 on failure (no image, or the engine was not initialised).
int winebox_tesseract_recognize(TessBaseAPI *api);

/// The recognised words as tab-separated values, one line per page, block, paragraph, line and word: level,
/// page, block, paragraph, line, word, left, top, width, height, confidence (0-100, -1 for non-words), text.
/// Free with winebox_tesseract_free_text(); NULL on failure.
char *winebox_tesseract_tsv_text(TessBaseAPI *api);

/// The recognised text, lines separated by '\n'. Free with winebox_tesseract_free_text(); NULL on failure.
char *winebox_tesseract_utf8_text(TessBaseAPI *api);

/// The mean confidence of the recognised words, 0-100 (0 when there are none).
int winebox_tesseract_mean_confidence(TessBaseAPI *api);

/// Frees text Tesseract returned.
void winebox_tesseract_free_text(char *text);

/// Forgets the image and its results, keeping the loaded models.
void winebox_tesseract_clear(TessBaseAPI *api);

/// Unloads the models and deletes the engine. NULL is ignored.
void winebox_tesseract_delete(TessBaseAPI *api);

#endif
