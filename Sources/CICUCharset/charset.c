#include "CICUCharset.h"

#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

int64_t redline_icu_to_utf8(const char *encoding, const uint8_t *input, int64_t length, uint8_t *output,
                            int64_t capacity) {
    if (length > INT32_MAX || capacity > INT32_MAX) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UConverter *source = ucnv_open(encoding, &status);
    if (U_FAILURE(status)) return -1;
    UConverter *target = ucnv_open("UTF-8", &status);
    if (U_FAILURE(status)) {
        ucnv_close(source);
        return -1;
    }
    /* Illegal sequences become U+FFFD (ICU's substitute callback), never an error. */
    char *out = (char *)output;
    const char *in = (const char *)input;
    UChar pivot[1024];
    UChar *pivotSource = pivot, *pivotTarget = pivot;
    ucnv_convertEx(target, source, &out, out + capacity, &in, in + length, pivot, &pivotSource, &pivotTarget,
                   pivot + 1024, 1, 1, &status);
    ucnv_close(source);
    ucnv_close(target);
    if (U_FAILURE(status)) return -1;
    return (int64_t)(out - (char *)output);
}

int redline_icu_knows(const char *encoding) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(encoding, &status);
    if (U_FAILURE(status)) return 0;
    ucnv_close(converter);
    return 1;
}

int redline_icu_detect(const uint8_t *input, int32_t length, int html, char *name, int32_t capacity,
                       int32_t *confidence) {
    UErrorCode status = U_ZERO_ERROR;
    *confidence = 0;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return 0;
    ucsdet_enableInputFilter(detector, html ? 1 : 0);
    ucsdet_setText(detector, (const char *)input, length, &status);
    const UCharsetMatch *match = U_SUCCESS(status) ? ucsdet_detect(detector, &status) : NULL;
    int found = 0;
    if (match != NULL && U_SUCCESS(status)) {
        const char *detected = ucsdet_getName(match, &status);
        int32_t score = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && detected != NULL && (int32_t)strlen(detected) < capacity) {
            strcpy(name, detected);
            *confidence = score;
            found = 1;
        }
    }
    ucsdet_close(detector);
    return found;
}
