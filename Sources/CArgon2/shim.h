#ifndef WINEBOX_CARGON2_SHIM_H
#define WINEBOX_CARGON2_SHIM_H

#include <argon2.h>

#endif
