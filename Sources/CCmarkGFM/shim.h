#ifndef REDLINE_CCMARKGFM_SHIM_H
#define REDLINE_CCMARKGFM_SHIM_H

/* GitHub's CommonMark parser (Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev): the core
   API and the GFM extensions (tables, strikethrough, autolinks). */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#endif
