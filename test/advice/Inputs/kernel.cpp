double dot(const double *A, const double *B) {
  double Sum = 0;
  for (int I = 0; I < 1000000; ++I)
    Sum += A[I % 16] * B[I % 16];
  return Sum;
}
