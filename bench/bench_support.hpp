// What the benchmark programs share: wall time since a start point, and running a piece of work
// on one core (the targets are per core).
#pragma once

#include <sched.h>

#include <chrono>

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

}  // namespace snai::bench
