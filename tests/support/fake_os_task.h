// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal to FakeOs (fake_os.cpp, fake_os_objects.cpp): one simulated thread or interrupt
// context, and the exceptions that unwind it. Tests use fake_os.h only.

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <thread>

#include "sw/hal/os.h"
#include "tests/support/fake_os.h"

namespace sim::test::fake {

struct Task {
  enum class State { kReady, kRunning, kHolding, kBlocked, kInterrupted, kDone };

  FakeOs* os = nullptr;
  hal::ThreadSpec spec;
  bool is_isr = false;
  std::function<void()> body;
  State state = State::kReady;
  std::int64_t order = 0;               ///< FIFO position among equal priorities
  hal::SimTime wake_at = hal::kForever; ///< kHolding: end of the busy time; kBlocked: timeout
  bool timed_out = false;               ///< the last block ended by its timeout
  std::function<void()> cancel_wait;    ///< leaves the waiter list of an object on timeout
  bool watching = false;                ///< in poll(): a write to the range ends the wait
  bool watch_hit = false;
  hal::Addr watch_addr = 0;
  std::size_t watch_len = 0;
  bool kill = false; ///< shutdown: unwind at the next wait
  std::condition_variable cv;
  std::thread thread;

  bool preemptible() const { return !is_isr && !spec.cooperative; }
};

/// The context the calling std::thread runs (nullptr on the test thread).
inline Task*& running_task() {
  static thread_local Task* task = nullptr;
  return task;
}

/// Thrown into a thread being shut down; never escapes the thread's main function.
struct Unwind {};
/// Unwinds a thread of a cluster that panicked.
struct Halted {};

/// Throws `E` unless an exception is already unwinding the caller (a destructor calling the HAL
/// while its thread unwinds must not terminate the process).
template <typename E> void raise_unless_unwinding() {
  if (std::uncaught_exceptions() == 0) throw E{};
}

inline hal::SimTime deadline_after(hal::SimTime now, hal::SimTime timeout) {
  return timeout >= hal::kForever - now ? hal::kForever : now + timeout;
}

} // namespace sim::test::fake
