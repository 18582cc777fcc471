#ifndef REDLINE_CLIBXML2_SHIM_H
#define REDLINE_CLIBXML2_SHIM_H

/* libxml2 built with ICU includes ICU's headers from encoding.h, which clash with Foundation's
   own copy of ICU in the same Swift module. Redline never touches an encoding handler's fields
   (only pointers to handlers), so the ICU part of that struct is left out of this view. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

/* Errors are reported through the parse's result, never printed: a handler that drops them. */
static void CLibXML2_silence(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void CLibXML2_silenceErrors(void) {
    xmlSetGenericErrorFunc(NULL, CLibXML2_silence);
}

/* xmlFree is a global function pointer; calling it from Swift 6 needs a wrapper. */
static inline void CLibXML2_free(void *pointer) {
    xmlFree(pointer);
}

#endif
