#ifndef REDLINE_CZLIB_SHIM_H
#define REDLINE_CZLIB_SHIM_H

#define ZLIB_CONST 1
#include <zlib.h>

/* deflateInit2 / inflateInit2 are macros; Swift cannot call them directly. */
static inline int CZlib_deflateInit2(z_stream *strm, int level, int windowBits, int memLevel) {
    return deflateInit2(strm, level, Z_DEFLATED, windowBits, memLevel, Z_DEFAULT_STRATEGY);
}

static inline int CZlib_inflateInit2(z_stream *strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}

#endif
