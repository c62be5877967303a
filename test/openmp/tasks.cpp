// RUN: %concur check %s --checks=-*,concur-openmp-race -- -fopenmp 2>&1 | FileCheck %s --implicit-check-not="warning:"
// Tasks: what a task shares (what the team shares, and shared() clauses;
// the rest is a firstprivate copy), and what orders it: taskwait for the
// creator's children, the end of a taskgroup for every descendant, a
// barrier for every task of the team, depend clauses between siblings.
#include <omp.h>

int x, y, z, w, v, u, chain, sum, after, total;
int a[256];

void taskwait_and_siblings(void) {
  int s = 0;
#pragma omp parallel
#pragma omp single
  {
#pragma omp task shared(s)
    s++;
#pragma omp task shared(s)
    s++;
    // CHECK: tasks.cpp:[[@LINE-1]]:5: warning: 's' is written and 's' is read ({{.*}}tasks.cpp:[[@LINE-3]]:5) by the task at tasks.cpp:[[@LINE-4]] and the task at tasks.cpp:[[@LINE-2]], which no taskwait, taskgroup, barrier or depend clause orders; shared(s) on 'task' [concur-openmp-race]
#pragma omp taskwait
    s++;
#pragma omp task
    x = 1;
    // CHECK: tasks.cpp:[[@LINE-1]]:5: warning: 'x' is written and 'x' is written ({{.*}}tasks.cpp:[[@LINE+1]]:5) by the task at tasks.cpp:[[@LINE-2]] and by its creator, before the barrier at the end of 'single' (tasks.cpp:[[@LINE-11]]) completes the task; 'x' is shared where 'task' is created, so shared in the task [concur-openmp-race]
    x = 2;
  }
}

void implicit_firstprivate(void) {
#pragma omp parallel
#pragma omp single
  {
    int mine = 0; // Private to the single thread: the task copies it.
#pragma omp task
    mine++;
    mine--;
  }
}

void taskgroups_and_nested(void) {
#pragma omp parallel
#pragma omp single
  {
#pragma omp taskgroup
    {
#pragma omp task
      {
#pragma omp task
        y = 1; // A grandchild: the taskgroup waits for it too.
      }
    }
    y = 2;
#pragma omp task
    {
#pragma omp task
      z = 1; // A taskwait waits only for children: this one outlives it.
      // CHECK: tasks.cpp:[[@LINE-1]]:7: warning: 'z' is written and 'z' is written ({{.*}}tasks.cpp:[[@LINE+3]]:5) by the task at tasks.cpp:[[@LINE-4]] and by its creator, before the taskwait (tasks.cpp:[[@LINE+2]]) completes the task; 'z' is shared where 'task' is created, so shared in the task [concur-openmp-race]
    }
#pragma omp taskwait
    z = 2;
  }
}

void depend_clauses(void) {
#pragma omp parallel
#pragma omp single
  {
#pragma omp task depend(out : w)
    w = 1;
#pragma omp task depend(in : w)
    a[0] = w;
#pragma omp task depend(in : w)
    a[1] = w;
#pragma omp task depend(out : v)
    v = 1;
    // CHECK: tasks.cpp:[[@LINE-1]]:5: warning: 'v' is written and 'v' is read ({{.*}}tasks.cpp:[[@LINE+2]]:12) by the task at tasks.cpp:[[@LINE-2]] and the task at tasks.cpp:[[@LINE+1]], which no taskwait, taskgroup, barrier or depend clause orders; 'v' is shared where 'task' is created, so shared in the task [concur-openmp-race]
#pragma omp task depend(in : x)
    a[2] = v;
#pragma omp task depend(out : chain)
    u = 1;
#pragma omp task depend(inout : chain)
    chain = 2;
#pragma omp task depend(in : chain)
    a[3] = u;
#pragma omp task depend(mutexinoutset : sum)
    sum += 1;
#pragma omp task depend(mutexinoutset : sum)
    sum += 2;
  }
}

void tasks_in_loops(int n) {
#pragma omp parallel
#pragma omp single
  {
    for (int i = 0; i < n; i++) {
#pragma omp task
      a[i] = i; // Each task its own element.
#pragma omp task
      total += i;
      // CHECK: tasks.cpp:[[@LINE-1]]:7: warning: 'total' is written by two instances of the task at tasks.cpp:[[@LINE-2]], created in a loop that does not wait for them; 'total' is shared where 'task' is created, so shared in the task [concur-openmp-race]
    }
    for (int i = 0; i < n; i++) {
#pragma omp task depend(inout : after)
      after += i; // Each waits for the one before.
    }
  }
}

void taskloops(int n) {
#pragma omp parallel
#pragma omp single
  {
#pragma omp taskloop
    for (int i = 0; i < n; i++)
      a[i] = a[i] + 1;
#pragma omp taskloop
    for (int i = 0; i < n; i++)
      sum += i;
      // CHECK: tasks.cpp:[[@LINE-1]]:7: warning: 'sum' is written by different tasks of the taskloop at tasks.cpp:[[@LINE-3]]; 'sum' is shared where 'taskloop' is created, so shared in the task [concur-openmp-race]
    sum = 0; // The taskloop's implicit taskgroup is over.
#pragma omp taskloop nogroup
    for (int i = 0; i < n; i++)
      a[i] = i;
      // CHECK: tasks.cpp:[[@LINE-1]]:7: warning: 'a[i]' is written and 'a[0]' is written ({{.*}}tasks.cpp:[[@LINE+1]]:5) by the taskloop at tasks.cpp:[[@LINE-3]] and by its creator, before the barrier at the end of 'single' (tasks.cpp:[[@LINE-13]]) completes the task; 'a' is shared where 'taskloop' is created, so shared in the task [concur-openmp-race]
    a[0] = -1;
  }
}

void undeferred_and_every_thread(void) {
#pragma omp parallel
  {
#pragma omp single
    {
#pragma omp task if (0)
      u = 1;
      u = 2;
    }
#pragma omp task
    x = omp_get_thread_num(); // Every thread makes one.
    // CHECK: tasks.cpp:[[@LINE-1]]:5: warning: 'x' is written by tasks of different threads of 'parallel' (tasks.cpp:[[@LINE-10]]) with no barrier between them; 'x' is shared where 'task' is created, so shared in the task [concur-openmp-race]
  }
}

int main() {
  taskwait_and_siblings();
  implicit_firstprivate();
  taskgroups_and_nested();
  depend_clauses();
  tasks_in_loops(10);
  taskloops(10);
  undeferred_and_every_thread();
}
