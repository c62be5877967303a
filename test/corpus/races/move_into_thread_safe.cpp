// corpus: safe
// pattern: batch of records moved into an uploader thread
//
// Safe: the vector is moved into the thread's own argument storage; after
// that only the uploader touches it, and main only uses its moved-from
// (empty) local again after join.
#include <cstdio>
#include <string>
#include <thread>
#include <utility>
#include <vector>

struct Record {
  int Id;
  std::string Payload;
};

static void upload(std::vector<Record> Batch, size_t *Bytes) {
  size_t Total = 0;
  for (Record &R : Batch) {
    R.Payload += ";ack";
    Total += R.Payload.size();
  }
  *Bytes = Total;
}

int main() {
  std::vector<Record> Batch;
  for (int I = 0; I < 500; ++I)
    Batch.push_back({I, "row-" + std::to_string(I)});
  size_t Bytes = 0;
  std::thread Uploader(upload, std::move(Batch), &Bytes);
  Uploader.join();
  Batch.clear();
  std::printf("uploaded %zu bytes\n", Bytes);
}
