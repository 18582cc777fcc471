#ifndef REDLINE_CICUCHARSET_H
#define REDLINE_CICUCHARSET_H

/* A narrow C view of ICU's converters and charset detector for RedlineIngest. ICU's own headers
   rename every function by version (ucnv_open_72), which Swift cannot follow, and clash with
   Foundation's private copy of ICU; this header exposes plain C functions instead. */

#include <stdint.h>

/* Converts `length` bytes in `encoding` (an ICU converter name such as "windows-1251") to UTF-8
   in `output`. Illegal or unmappable input becomes U+FFFD. Returns the UTF-8 length, or -1 when
   the encoding is unknown or `capacity` is too small (give 3 bytes per input byte plus 16). */
int64_t redline_icu_to_utf8(const char *encoding, const uint8_t *input, int64_t length, uint8_t *output,
                            int64_t capacity);

/* Whether ICU has a converter for `encoding`. */
int redline_icu_knows(const char *encoding);

/* ICU's best guess at the encoding of `length` bytes of text, written to `name` (at most
   `capacity` bytes with the terminating NUL), with its confidence (0–100); 0 when nothing fits.
   Markup is filtered out before the statistics are taken when `html` is non-zero. */
int redline_icu_detect(const uint8_t *input, int32_t length, int html, char *name, int32_t capacity,
                       int32_t *confidence);

#endif
