// Prototypes of the including file's own static functions, as wrk's main.h
// has them.
static void *worker(void *);
static void bump(void);
