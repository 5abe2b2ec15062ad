#ifndef WINEBOX_CTESSERACT_FUNCTIONS_H
#define WINEBOX_CTESSERACT_FUNCTIONS_H

/* The part of Tesseract's C API (capi.h) that WineBox uses, declared without Tesseract's headers: the loader
   (tesseract_loader.c) resolves each function with dlsym, and CTesseractABICheck checks every declaration and
   constant here against <tesseract/capi.h> at build time. Not part of the Swift module (see module.modulemap).

   capi.h's BOOL is int; its enums TessOcrEngineMode and TessPageSegMode have no negative values, so their C
   type is unsigned int. */

#include "CTesseract.h"

typedef struct ETEXT_DESC ETEXT_DESC;

/// The soname of the ABI the declarations are for (Tesseract 5.x).
#define WINEBOX_TESSERACT_SONAME "libtesseract.so.5"

/// OEM_LSTM_ONLY: the neural network engine, the only one Debian's "fast" models contain.
#define WINEBOX_TESSERACT_OEM_LSTM_ONLY 1u

/// Every function WineBox calls, as F(return type, name, (parameters)).
#define WINEBOX_TESSERACT_FUNCTIONS(F)                                                                               \
    F(const char *, TessVersion, (void))                                                                             \
    F(void, TessDeleteText, (const char *text))                                                                      \
    F(TessBaseAPI *, TessBaseAPICreate, (void))                                                                      \
    F(void, TessBaseAPIDelete, (TessBaseAPI * handle))                                                               \
    F(int, TessBaseAPISetVariable, (TessBaseAPI * handle, const char *name, const char *value))                      \
    F(int, TessBaseAPIInit2, (TessBaseAPI * handle, const char *datapath, const char *language, unsigned int oem))   \
    F(void, TessBaseAPISetPageSegMode, (TessBaseAPI * handle, unsigned int mode))                                    \
    F(void, TessBaseAPISetImage,                                                                                     \
        (TessBaseAPI * handle, const unsigned char *imagedata, int width, int height, int bytes_per_pixel,            \
            int bytes_per_line))                                                                                     \
    F(void, TessBaseAPISetSourceResolution, (TessBaseAPI * handle, int ppi))                                         \
    F(int, TessBaseAPIRecognize, (TessBaseAPI * handle, ETEXT_DESC * monitor))                                       \
    F(char *, TessBaseAPIGetUTF8Text, (TessBaseAPI * handle))                                                        \
    F(char *, TessBaseAPIGetTsvText, (TessBaseAPI * handle, int page_number))                                        \
    F(int, TessBaseAPIMeanTextConf, (TessBaseAPI * handle))                                                          \
    F(void, TessBaseAPIClear, (TessBaseAPI * handle))                                                                \
    F(void, TessBaseAPIEnd, (TessBaseAPI * handle))

#endif
