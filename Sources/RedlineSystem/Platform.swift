// Redline is built and tested on Linux only (Debian 12, x86_64; see README). Every call into the
// C library goes through this module, so a port starts here.
#if !os(Linux)
    #error("Redline builds on Linux only: its system calls (RedlineSystem) have not been ported.")
#endif
