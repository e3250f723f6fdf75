// What the benchmark programs share: wall time since a start point, running a piece of work on
// one core (the targets are per core), and reading an option's value.
#pragma once

#include <sched.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace snai::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Runs `work` on the calling thread pinned to CPU 0, then restores the previous affinity.
template <class F>
void on_one_core(F&& work) {
  cpu_set_t previous;
  sched_getaffinity(0, sizeof previous, &previous);
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(0, &one);
  sched_setaffinity(0, sizeof one, &one);
  work();
  sched_setaffinity(0, sizeof previous, &previous);
}

// The value after the option argv[i] (advancing i); exits 2 with a message when it is missing.
inline std::string option_value(int argc, char** argv, int& i) {
  if (i + 1 >= argc) {
    std::fprintf(stderr, "%s needs a value\n", argv[i]);
    std::exit(2);
  }
  return argv[++i];
}

}  // namespace snai::bench
