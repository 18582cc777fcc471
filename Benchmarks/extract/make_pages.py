#!/usr/bin/env python3
"""Pages for the extraction benchmark: each fixture page of Fixtures/html/ padded to the size and
make-up of a real news page (median 115 KB): inline scripts and JSON state, a style sheet, a mega
menu, related-story teasers, a comment section, a footer of links, data attributes and SVG icons.

    python3 make_pages.py FIXTURES_HTML_DIR OUT_DIR [COPIES]
"""
import os, random, sys

src, out = sys.argv[1], sys.argv[2]
copies = int(sys.argv[3]) if len(sys.argv) > 3 else 10
rng = random.Random(7)
os.makedirs(out, exist_ok=True)
words = "the council said on a plan for new river homes after storm police report city state week year people".split()

def sentence(n):
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."

def padding():
    script = "<script>window.__STATE__=" + "{" + ",".join('"k%d":"%s"' % (i, sentence(12)) for i in range(500)) + "};</script>\n"
    script += "<script>" + "function f%d(a){return a*%d+document.querySelectorAll('.x').length;}\n" * 1 % (1, 2) * 300 + "</script>\n"
    style = "<style>" + "".join(".c%d{margin:%dpx;padding:0 %dpx;color:#%06x}\n" % (i, i % 9, i % 7, rng.randrange(1 << 24)) for i in range(400)) + "</style>\n"
    menu = '<nav class="mega-menu"><ul>' + "".join('<li class="menu-item"><a href="/section/%d" data-track="nav-%d"><svg class="icon" viewBox="0 0 24 24"><path d="M12 2L2 7l10 5 10-5-10-5z"/></svg>%s</a></li>' % (i, i, sentence(2)) for i in range(250)) + "</ul></nav>\n"
    related = '<section class="related-stories"><h2>Related</h2>' + "".join('<article class="teaser"><h3><a href="/story/%d">%s</a></h3><p>%s</p></article>' % (i, sentence(8), sentence(15)) for i in range(20)) + "</section>\n"
    comments = '<div id="comments" class="comments">' + "".join('<div class="comment"><p>%s</p></div>' % sentence(25) for _ in range(15)) + "</div>\n"
    footer = '<footer class="site-footer">' + "".join('<a href="/f/%d">%s</a> ' % (i, sentence(2)) for i in range(150)) + "</footer>\n"
    return script, style, menu, related, comments, footer

names = sorted(f for f in os.listdir(src) if f.endswith(".html"))
total = 0
for name in names:
    page = open(os.path.join(src, name), "rb").read()
    for copy in range(copies):
        script, style, menu, related, comments, footer = padding()
        head_end = page.find(b"</head>")
        body_start = page.find(b"<body")
        body_start = page.find(b">", body_start) + 1 if body_start >= 0 else 0
        body_end = page.rfind(b"</body>")
        if head_end < 0 or body_end < 0:
            padded = page
        else:
            padded = (page[:head_end] + (style + script).encode() + page[head_end:body_start]
                      + menu.encode() + page[body_start:body_end] + (related + comments + footer).encode() + page[body_end:])
        path = os.path.join(out, "%s-%02d.html" % (name[:-5], copy))
        open(path, "wb").write(padded)
        total += len(padded)
print("%d pages, %d bytes, median-ish %d KB" % (len(names) * copies, total, total // max(1, len(names) * copies) // 1024))
