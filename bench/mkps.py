# SPDX-License-Identifier: GPL-3.0-or-later
# Write a PostScript file of N pages of text (bench/docs.sh, tests/docs): Ghostscript's ps2pdf
# turns it into a PDF made by a tool nobody here wrote.
import sys
pages=int(sys.argv[1])
words="the operations team migrated the document pipeline to a caged runner this quarter every tool call now runs in its own namespaces".split()
out=["%!PS-Adobe-3.0","%%Pages: %d"%pages,"%%EndComments","/Times-Roman findfont 10 scalefont setfont"]
k=0
for p in range(pages):
    out.append("%%%%Page: %d %d"%(p+1,p+1))
    for l in range(60):
        line=" ".join(words[(k+i)%len(words)] for i in range(14)); k+=3
        out.append("50 %d moveto (%s) show"%(770-l*12,line))
    out.append("showpage")
out.append("%%EOF")
print("\n".join(out))
