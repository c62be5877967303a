// RUN: %concur check %s --checks=-*,concur-openmp-race -- -fopenmp 2>&1 | FileCheck %s --implicit-check-not="warning:"
// Target regions: a team of teams (league) runs teams code once per team;
// distribute splits iterations among teams, parallel for among threads;
// arrays are mapped (one copy on the device for all), scalars not mapped
// are firstprivate to the target task but shared by its threads; the host
// waits for a target region unless nowait.
#include <omp.h>

double a[1024], b[1024];
double sum, host_value;

void device_loops(int n) {
#pragma omp target teams distribute parallel for map(tofrom : a[0 : n])
  for (int i = 0; i < n; i++)
    a[i] = a[i] + 1;
#pragma omp target teams distribute parallel for map(tofrom : a[0 : n])
  for (int i = 0; i < n - 1; i++)
    a[i] = a[i + 1];
    // CHECK: target.cpp:[[@LINE-1]]:5: warning: 'a[i]' is written and 'a[i + 1]' is read ({{.*}}target.cpp:[[@LINE-1]]:12) in different iterations of 'target teams distribute parallel for' (target.cpp:[[@LINE-3]]), which may run on different threads; 'a' is mapped by 'target teams distribute parallel for': one copy for the device's threads [concur-openmp-race]
#pragma omp target teams distribute parallel for map(to : a[0 : n])
  for (int i = 0; i < n; i++)
    sum += a[i];
    // CHECK: target.cpp:[[@LINE-1]]:5: warning: 'sum' is written in different iterations of 'target teams distribute parallel for' (target.cpp:[[@LINE-3]]), which may run on different threads; 'sum' is firstprivate in 'target teams distribute parallel for' (not mapped) and shared by its threads [concur-openmp-race]
#pragma omp target teams distribute parallel for map(to : a[0 : n]) reduction(+ : sum)
  for (int i = 0; i < n; i++)
    sum += a[i];
#pragma omp target parallel for map(tofrom : b[0 : n])
  for (int i = 0; i < n; i++)
    b[i] = 2 * a[i];
}

void leagues(int n) {
  double local = 0;
#pragma omp target teams map(tofrom : a[0 : n]) num_teams(4)
  {
    a[0] = 1; // Every team's initial thread.
    // CHECK: target.cpp:[[@LINE-1]]:5: warning: 'a[0]' is written by different teams of 'target teams' (target.cpp:[[@LINE-3]]), which no barrier synchronises; 'a' is mapped by 'target teams': one copy for the device's threads [concur-openmp-race]
  }
#pragma omp target teams distribute map(tofrom : a[0 : n])
  for (int i = 0; i < n; i++)
    a[i] = i;
#pragma omp target map(tofrom : local)
  local = 3; // One thread on the device.
  b[0] = local;
}

void host_and_device(int n) {
#pragma omp target map(tofrom : host_value) nowait
  host_value = 1;
  // CHECK: target.cpp:[[@LINE-1]]:3: warning: 'host_value' is written and 'host_value' is written ({{.*}}target.cpp:[[@LINE+1]]:3) by the target nowait at target.cpp:[[@LINE-2]] and by its creator, before the taskwait (target.cpp:[[@LINE+2]]) completes the task; 'host_value' is global [concur-openmp-race]
  host_value = 2;
#pragma omp taskwait
  host_value = 3;
}

int main() {
  device_loops(100);
  leagues(100);
  host_and_device(100);
}
