/* Compiled against libvips' own headers (libvips-dev) and never linked into anything: the build fails here when
   a declaration or constant in vips_functions.h, which the loader uses instead of the headers, differs from
   libvips'. An enum is compatible with int when it has negative values, as libvips' interpretations and band
   formats do. */
#include <vips/vips.h>

#include "vips_functions.h"

#define WINEBOX_VIPS_CHECK(result, name, parameters)                                                                 \
    _Static_assert(__builtin_types_compatible_p(__typeof__(name), result parameters),                                \
        #name " is declared differently in vips_functions.h and in <vips/vips.h>");

WINEBOX_VIPS_FUNCTIONS(WINEBOX_VIPS_CHECK)

_Static_assert(__builtin_types_compatible_p(winebox_vips_log_function, GLogFunc), "GLogFunc");
_Static_assert(VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE == WINEBOX_VIPS_ABI, "libvips' ABI version");
_Static_assert(WINEBOX_VIPS_ACCESS_SEQUENTIAL == VIPS_ACCESS_SEQUENTIAL, "VIPS_ACCESS_SEQUENTIAL");
_Static_assert(WINEBOX_VIPS_FAIL_ON_ERROR == VIPS_FAIL_ON_ERROR, "VIPS_FAIL_ON_ERROR");
_Static_assert(WINEBOX_VIPS_INTENT_PERCEPTUAL == VIPS_INTENT_PERCEPTUAL, "VIPS_INTENT_PERCEPTUAL");
_Static_assert(WINEBOX_VIPS_INTERPRETATION_B_W == VIPS_INTERPRETATION_B_W, "VIPS_INTERPRETATION_B_W");
_Static_assert(WINEBOX_VIPS_INTERPRETATION_SRGB == VIPS_INTERPRETATION_sRGB, "VIPS_INTERPRETATION_sRGB");
_Static_assert(WINEBOX_VIPS_INTERPRETATION_GREY16 == VIPS_INTERPRETATION_GREY16, "VIPS_INTERPRETATION_GREY16");
_Static_assert(WINEBOX_VIPS_FORMAT_UCHAR == VIPS_FORMAT_UCHAR, "VIPS_FORMAT_UCHAR");
_Static_assert(WINEBOX_VIPS_EXTEND_WHITE == VIPS_EXTEND_WHITE, "VIPS_EXTEND_WHITE");
_Static_assert(__builtin_types_compatible_p(VipsAngle, unsigned int), "VipsAngle");
_Static_assert(VIPS_ANGLE_D90 == 1 && VIPS_ANGLE_D180 == 2 && VIPS_ANGLE_D270 == 3, "VipsAngle: quarter turns");
_Static_assert(__builtin_strcmp(WINEBOX_VIPS_META_ICC_NAME, VIPS_META_ICC_NAME) == 0, "VIPS_META_ICC_NAME");
_Static_assert(WINEBOX_G_LOG_LEVEL_WARNING == G_LOG_LEVEL_WARNING, "G_LOG_LEVEL_WARNING");
_Static_assert(WINEBOX_G_LOG_LEVEL_MESSAGE == G_LOG_LEVEL_MESSAGE, "G_LOG_LEVEL_MESSAGE");
_Static_assert(WINEBOX_G_LOG_LEVEL_INFO == G_LOG_LEVEL_INFO, "G_LOG_LEVEL_INFO");
_Static_assert(WINEBOX_G_LOG_LEVEL_DEBUG == G_LOG_LEVEL_DEBUG, "G_LOG_LEVEL_DEBUG");
