double dot(const double *A, const double *B);
double score(const double *A) { return dot(A, A); }
double rank(const double *A) { return score(A) + 1; }
