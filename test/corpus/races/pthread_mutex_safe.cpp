// corpus: safe
// pattern: pthread session table guarded by a pthread mutex
//
// Safe: twin of pthread_mutex_missing_racy; both paths lock
// g_sessions_mutex.
#include <cstdio>
#include <pthread.h>

pthread_mutex_t g_sessions_mutex = PTHREAD_MUTEX_INITIALIZER;
int g_active_sessions = 0;

static void openSession() {
  pthread_mutex_lock(&g_sessions_mutex);
  ++g_active_sessions;
  pthread_mutex_unlock(&g_sessions_mutex);
}

static void closeSession() {
  pthread_mutex_lock(&g_sessions_mutex);
  --g_active_sessions;
  pthread_mutex_unlock(&g_sessions_mutex);
}

static void *clientThread(void *) {
  for (int I = 0; I < 2000; ++I) {
    openSession();
    closeSession();
  }
  return nullptr;
}

int main() {
  pthread_t A, B;
  pthread_create(&A, nullptr, clientThread, nullptr);
  pthread_create(&B, nullptr, clientThread, nullptr);
  pthread_join(A, nullptr);
  pthread_join(B, nullptr);
  std::printf("active=%d\n", g_active_sessions);
}
