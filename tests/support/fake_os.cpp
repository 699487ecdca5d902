// SPDX-License-Identifier: Apache-2.0
#include "tests/support/fake_os.h"

#include <algorithm>
#include <exception>
#include <limits>
#include <stdexcept>
#include <thread>

#include "tests/support/fake_os_task.h"

namespace sim::test {
namespace {

using fake::raise_unless_unwinding;
using fake::running_task;
using fake::Unwind;
using Halted = fake::Halted;
using State = fake::Task::State;
using fake::deadline_after;

bool before(const fake::Task& a, const fake::Task& b) {
  return a.spec.priority != b.spec.priority ? a.spec.priority < b.spec.priority : a.order < b.order;
}

} // namespace

// ---- FakeScheduler: the baton and the virtual clock --------------------------------------------

FakeScheduler::~FakeScheduler() {
  shutdown();
}

void FakeScheduler::shutdown() {
  for (FakeOs* os : oses_) os->shutdown();
}

void FakeScheduler::hand(Task* next) {
  std::lock_guard<std::mutex> lock(mutex_);
  active_ = next;
  (next != nullptr ? next->cv : driver_cv_).notify_one();
}

void FakeScheduler::wait_for_baton(Task* self) {
  std::unique_lock<std::mutex> lock(mutex_);
  std::condition_variable& cv = self != nullptr ? self->cv : driver_cv_;
  cv.wait(lock, [&] { return active_ == self || (self != nullptr && self->kill); });
}

bool FakeScheduler::transfer(Task* self, Task* next) {
  if (self->kill) {
    raise_unless_unwinding<Unwind>();
    return false;
  }
  if (next == self) return true;
  hand(next);
  wait_for_baton(self);
  if (self->kill) {
    raise_unless_unwinding<Unwind>();
    return false;
  }
  return true;
}

bool FakeScheduler::switch_out(Task* self) {
  if (self->kill) return transfer(self, self);
  return transfer(self, pick_next());
}

void FakeScheduler::run(hal::SimTime limit) {
  if (running_task() != nullptr)
    throw std::logic_error("FakeScheduler driven from a simulated thread");
  limit_ = limit;
  idle_ = false;
  Task* next = pick_next();
  if (next == nullptr) return;
  hand(next);
  wait_for_baton(nullptr);
}

void FakeScheduler::run_until(hal::SimTime t) {
  run(t);
  now_ = std::max(now_, t);
}

bool FakeScheduler::run_until_idle(hal::SimTime limit) {
  run(limit);
  if (!idle_ && limit != hal::kForever) now_ = std::max(now_, limit);
  return idle_;
}

void FakeScheduler::touched(hal::Addr addr, std::size_t len) {
  for (FakeOs* os : oses_)
    for (auto& t : os->tasks_)
      if (t->watching && t.get() != running_task() && addr < t->watch_addr + t->watch_len &&
          t->watch_addr < addr + len)
        t->watch_hit = true;
}

void FakeScheduler::expire_timeouts() {
  std::vector<Task*> due;
  for (FakeOs* os : oses_)
    if (!os->halted_)
      for (auto& t : os->tasks_)
        if (t->state == State::kBlocked && t->wake_at <= now_) due.push_back(t.get());
  std::sort(due.begin(), due.end(), [](const Task* a, const Task* b) {
    return a->wake_at != b->wake_at ? a->wake_at < b->wake_at : a->order < b->order;
  });
  for (Task* t : due) {
    if (t->cancel_wait) t->cancel_wait();
    t->cancel_wait = nullptr;
    t->timed_out = true;
    t->wake_at = hal::kForever;
    t->os->make_ready(*t, false);
  }
}

hal::SimTime FakeScheduler::next_event() const {
  hal::SimTime next = hal::kForever;
  for (const FakeOs* os : oses_)
    if (!os->halted_)
      for (const auto& t : os->tasks_)
        if (t->state == State::kBlocked || t->state == State::kHolding)
          next = std::min(next, t->wake_at);
  return next;
}

FakeScheduler::Task* FakeScheduler::pick_next() {
  for (;;) {
    expire_timeouts();
    Task* best = nullptr;
    for (FakeOs* os : oses_) {
      if (os->halted_) continue;
      for (auto& c : os->cores_) {
        Task* t = os->candidate(*c);
        if (t != nullptr && (best == nullptr || before(*t, *best))) best = t;
      }
    }
    if (best != nullptr) {
      best->os->activate(*best);
      return best;
    }
    const hal::SimTime next = next_event();
    idle_ = next == hal::kForever;
    if (idle_ || next > limit_) return nullptr;
    now_ = next;
  }
}

// ---- FakeOs: threads, cores and scheduling decisions -------------------------------------------

FakeOs::FakeOs(FakeScheduler& scheduler, std::string name, unsigned cores)
    : sched_(scheduler), name_(std::move(name)) {
  if (cores == 0) throw std::invalid_argument(name_ + ": a cluster needs at least one core");
  for (unsigned i = 0; i < cores; ++i) {
    cores_.push_back(std::make_unique<Core>());
    Core& c = *cores_.back();
    c.index = i;
    hal::ThreadSpec spec{"isr", std::numeric_limits<int>::min(), true, i};
    c.isr = &new_task(
        spec, [this, &c] { isr_main(c); }, true);
    c.isr->state = State::kBlocked; // idle until an interrupt is pending
  }
  sched_.oses_.push_back(this);
}

FakeOs::~FakeOs() {
  shutdown();
  auto& oses = sched_.oses_;
  oses.erase(std::remove(oses.begin(), oses.end(), this), oses.end());
  // Thread bodies and handlers may own software that refers to the kernel objects: drop them
  // first (members would go in reverse declaration order anyway; this states it).
  tasks_.clear();
  lines_.clear();
}

void FakeOs::shutdown() {
  for (auto& t : tasks_) {
    if (!t->thread.joinable()) continue;
    {
      // Only the dying thread runs while it unwinds: it holds the baton until it exits.
      std::lock_guard<std::mutex> lock(sched_.mutex_);
      t->kill = true;
      sched_.active_ = t.get();
      t->cv.notify_one();
    }
    t->thread.join();
  }
  std::lock_guard<std::mutex> lock(sched_.mutex_);
  sched_.active_ = nullptr;
}

FakeOs::Task& FakeOs::new_task(const hal::ThreadSpec& spec, std::function<void()> body,
                               bool is_isr) {
  if (spec.core >= cores_.size())
    throw std::invalid_argument(name_ + ": thread " + spec.name + " pinned to missing core " +
                                std::to_string(spec.core));
  tasks_.push_back(std::make_unique<Task>());
  Task& t = *tasks_.back();
  t.os = this;
  t.spec = spec;
  t.is_isr = is_isr;
  t.body = std::move(body);
  t.thread = std::thread([this, &t] { thread_main(t); });
  return t;
}

void FakeOs::thread_main(Task& t) {
  running_task() = &t;
  sched_.wait_for_baton(&t);
  if (t.kill) return;
  try {
    t.body();
  } catch (const Unwind&) {
    return; // shut down: the test thread holds the scheduler, leave without touching it
  } catch (const Halted&) {
  } catch (const std::exception& e) {
    // A fault in the simulated software is a result (the cluster panics), not a test crash.
    record_panic(t.spec.name, e.what());
  } catch (...) {
    record_panic(t.spec.name, "unknown exception");
  }
  if (t.is_isr) return;
  t.state = State::kDone;
  Core& c = core_of(t);
  if (c.holder == &t) c.holder = nullptr;
  sched_.hand(sched_.pick_next());
}

void FakeOs::record_panic(const std::string& thread, std::string_view reason) {
  if (halted_) return;
  halted_ = true;
  panic_ = thread + ": " + std::string(reason);
}

void FakeOs::halt(std::string_view reason) {
  Task* t = self();
  record_panic(t != nullptr ? t->spec.name : std::string("test"), reason);
  if (t != nullptr) throw Halted{};
  throw std::runtime_error(name_ + " panic: " + std::string(reason));
}

FakeOs::Task* FakeOs::self() const {
  return running_task() != nullptr && running_task()->os == this ? running_task() : nullptr;
}

FakeOs::Task& FakeOs::current() {
  Task* t = self();
  if (t == nullptr) throw std::logic_error(name_ + ": OS call outside a simulated thread");
  return *t;
}

FakeOs::Core& FakeOs::core_of(const Task& t) {
  return *cores_[t.spec.core];
}

void FakeOs::make_ready(Task& t, bool first) {
  // A preempted or interrupted thread goes before its equals (negative order), as in the kernels.
  t.state = State::kReady;
  t.order = first ? -sched_.next_order() : sched_.next_order();
  core_of(t).ready.push_back(&t);
}

int FakeOs::best_ready_priority(const Core& c) const {
  int best = std::numeric_limits<int>::max();
  for (const Task* t : c.ready) best = std::min(best, t->spec.priority);
  return best;
}

const FakeOs::Line* FakeOs::pending_line(const Core& c, unsigned* line) const {
  if (c.irq_mask != 0) return nullptr;
  for (const auto& [n, l] : lines_) {
    if (l.level && l.enabled && l.core == c.index) {
      if (line != nullptr) *line = n;
      return &l;
    }
  }
  return nullptr;
}

bool FakeOs::wants_attention(const Core& c, const Task& holder) const {
  if (holder.is_isr) return false;
  return pending_line(c) != nullptr ||
         (holder.preemptible() && best_ready_priority(c) < holder.spec.priority);
}

FakeOs::Task* FakeOs::candidate(Core& c) {
  if (Task* h = c.holder) {
    if (h->state != State::kHolding) return nullptr;
    const bool due = sched_.now() >= h->wake_at || h->watch_hit || wants_attention(c, *h);
    return due ? h : nullptr;
  }
  if (pending_line(c) != nullptr) return c.isr;
  Task* best = nullptr;
  for (Task* t : c.ready)
    if (best == nullptr || before(*t, *best)) best = t;
  return best;
}

void FakeOs::activate(Task& t) {
  Core& c = core_of(t);
  if (t.state == State::kReady) c.ready.erase(std::find(c.ready.begin(), c.ready.end(), &t));
  c.holder = &t;
  t.state = State::kRunning;
}

void FakeOs::enter() {
  Task* t = self();
  if (t == nullptr) return; // the test thread inspecting through the HAL
  if (t->kill) return raise_unless_unwinding<Unwind>();
  if (halted_) return raise_unless_unwinding<Halted>();
  if (!t->is_isr) serve_attention(*t);
}

void FakeOs::serve_attention(Task& self) {
  Core& c = core_of(self);
  for (;;) {
    if (halted_) return raise_unless_unwinding<Halted>();
    if (pending_line(c) != nullptr) {
      // The interrupt context takes the core now; the thread resumes when the handler returns.
      c.interrupted = &self;
      self.state = State::kInterrupted;
      c.holder = c.isr;
      c.isr->state = State::kRunning;
      if (!sched_.transfer(&self, c.isr)) return;
      continue;
    }
    if (self.preemptible() && best_ready_priority(c) < self.spec.priority) {
      make_ready(self, true);
      c.holder = nullptr;
      if (!sched_.switch_out(&self)) return;
      continue;
    }
    return;
  }
}

bool FakeOs::block(Task& self, hal::SimTime timeout) {
  if (self.is_isr) halt("blocking call in an ISR");
  self.state = State::kBlocked;
  self.timed_out = false;
  self.wake_at = deadline_after(now(), timeout);
  self.order = sched_.next_order();
  core_of(self).holder = nullptr;
  const bool alive = sched_.switch_out(&self);
  self.cancel_wait = nullptr;
  return alive && !self.timed_out;
}

void FakeOs::wake(Task& t) {
  if (t.state != State::kBlocked) return;
  t.cancel_wait = nullptr;
  t.wake_at = hal::kForever;
  t.timed_out = false;
  make_ready(t, false);
}

void FakeOs::hold(hal::SimTime duration) {
  enter();
  Task& t = current();
  const hal::SimTime deadline = deadline_after(now(), duration);
  while (now() < deadline) {
    t.state = State::kHolding;
    t.wake_at = deadline;
    t.order = sched_.next_order();
    if (!sched_.switch_out(&t)) return;
    enter();
  }
}

void FakeOs::sleep(hal::SimTime duration) {
  enter();
  block(current(), duration);
}

bool FakeOs::poll(hal::Addr addr, std::size_t len, const std::function<bool()>& condition,
                  hal::SimTime timeout) {
  enter();
  Task& t = current();
  const hal::SimTime deadline = deadline_after(now(), timeout);
  for (;;) {
    if (condition()) return true;
    if (now() >= deadline) return false;
    t.watching = true;
    t.watch_hit = false;
    t.watch_addr = addr;
    t.watch_len = len;
    t.state = State::kHolding;
    t.wake_at = deadline;
    t.order = sched_.next_order();
    const bool alive = sched_.switch_out(&t);
    t.watching = false;
    t.watch_hit = false;
    if (!alive) return false;
    enter();
  }
}

void FakeOs::spawn(const hal::ThreadSpec& spec, std::function<void()> body) {
  // Ready at once; a more urgent thread preempts the spawner at its next HAL call.
  make_ready(new_task(spec, std::move(body), false), false);
}

void FakeOs::yield() {
  enter();
  Task* t = self();
  if (t == nullptr || t->is_isr) return;
  Core& c = core_of(*t);
  if (c.ready.empty() || best_ready_priority(c) > t->spec.priority) return;
  make_ready(*t, false);
  c.holder = nullptr;
  sched_.switch_out(t);
}

} // namespace sim::test
