/* Declarations of the SV-COMP verifier functions, force-included (-include)
 * into every task of the SV-COMP race suite (eval/races/suites/svcomp.json)
 * so that tasks which call them undeclared still parse as C99/gnu11.
 *
 * Only declarations: no task gets a definition from here, so an analysis sees
 * __VERIFIER_atomic_begin/end and the nondet functions as calls to unknown
 * external functions, exactly as the task's own source leaves them.
 * Every prototype matches the one SV-COMP tasks use where they declare it
 * themselves (a conflicting redeclaration would not parse).
 */
#ifndef SVCOMP_VERIFIER_H
#define SVCOMP_VERIFIER_H

extern void abort(void);
void reach_error();
extern void __VERIFIER_error(void) __attribute__((__noreturn__));
extern void __VERIFIER_assume(int);

extern int __VERIFIER_nondet_int();
extern unsigned int __VERIFIER_nondet_uint();
extern _Bool __VERIFIER_nondet_bool();
extern char __VERIFIER_nondet_char();
extern unsigned char __VERIFIER_nondet_uchar();
extern short __VERIFIER_nondet_short();
extern unsigned short __VERIFIER_nondet_ushort();
extern long __VERIFIER_nondet_long();
extern unsigned long __VERIFIER_nondet_ulong();
extern void *__VERIFIER_nondet_pointer();

extern void __VERIFIER_atomic_begin();
extern void __VERIFIER_atomic_end();

#endif
