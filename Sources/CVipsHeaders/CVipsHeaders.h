#ifndef WINEBOX_CVIPSHEADERS_H
#define WINEBOX_CVIPSHEADERS_H

#include <vips/vips.h>

#endif
