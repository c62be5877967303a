//===- selftest.h - Start the server, drive it with real clients -*- C++
//-*-===//

#ifndef EXAMPLE_SERVER_SELFTEST_H
#define EXAMPLE_SERVER_SELFTEST_H

/// Serves on 127.0.0.1 (a free port) from a temporary data directory, runs
/// two clients on their own threads through every command, checks each
/// reply, and returns the process exit code: 0 when everything matched.
int run_selftest();

#endif // EXAMPLE_SERVER_SELFTEST_H
