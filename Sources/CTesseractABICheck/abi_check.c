/* Compiled against Tesseract's own C API header (libtesseract-dev) and never linked into anything: the build
   fails here when a declaration or constant in tesseract_functions.h, which the loader uses instead of the
   header, differs from Tesseract's. capi.h's enums have no negative values, so they are compatible with
   unsigned int. */
#include <tesseract/capi.h>

#include "tesseract_functions.h"

#define WINEBOX_TESSERACT_CHECK(result, name, parameters)                                                            \
    _Static_assert(__builtin_types_compatible_p(__typeof__(name), result parameters),                                \
        #name " is declared differently in tesseract_functions.h and in <tesseract/capi.h>");

WINEBOX_TESSERACT_FUNCTIONS(WINEBOX_TESSERACT_CHECK)

_Static_assert(__builtin_types_compatible_p(TessOcrEngineMode, unsigned int), "TessOcrEngineMode");
_Static_assert(__builtin_types_compatible_p(TessPageSegMode, unsigned int), "TessPageSegMode");
_Static_assert(WINEBOX_TESSERACT_OEM_LSTM_ONLY == OEM_LSTM_ONLY, "OEM_LSTM_ONLY");
_Static_assert((int)WINEBOX_TESSERACT_PSM_AUTO == (int)PSM_AUTO, "PSM_AUTO");
_Static_assert((int)WINEBOX_TESSERACT_PSM_SINGLE_BLOCK == (int)PSM_SINGLE_BLOCK, "PSM_SINGLE_BLOCK");
_Static_assert((int)WINEBOX_TESSERACT_PSM_SPARSE_TEXT == (int)PSM_SPARSE_TEXT, "PSM_SPARSE_TEXT");
