// SPDX-License-Identifier: Apache-2.0
#pragma once
// The only hardware interface co-simulated software may use (DESIGN §4). No SystemC types: the
// implementation (models/cpu) turns every call into TLM transactions, cache maintenance, time and
// scheduling on the simulated core that runs the calling thread.
//
// Time only advances through these calls; a thread that never calls the HAL never yields. Memory
// accesses go through the calling cluster's MMU attributes: an access outside every mapped region
// is an MMU fault and panics the cluster (the call does not return).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "sw/hal/os.h"
#include "sw/hal/probe.h"
#include "sw/hal/sim_time.h"

namespace sim::hal {

using Addr = std::uint64_t;

enum class LogLevel { kError, kWarn, kInfo, kDebug };

class Hal {
public:
  virtual ~Hal() = default;

  /// Name of the cluster this software runs on ("master", "remote").
  virtual const std::string& cluster() const = 0;

  // --- memory through the MMU attribute map (normal_wb: D-cache; normal_nc/device: bypass) ----
  virtual std::uint8_t read8(Addr addr) = 0;
  virtual std::uint16_t read16(Addr addr) = 0;
  virtual std::uint32_t read32(Addr addr) = 0;
  virtual std::uint64_t read64(Addr addr) = 0;
  virtual void write8(Addr addr, std::uint8_t value) = 0;
  virtual void write16(Addr addr, std::uint16_t value) = 0;
  virtual void write32(Addr addr, std::uint32_t value) = 0;
  virtual void write64(Addr addr, std::uint64_t value) = 0;
  /// Block copies (memcpy to/from memory), one transaction per call.
  virtual void read(Addr addr, void* dst, std::size_t len) = 0;
  virtual void write(Addr addr, const void* src, std::size_t len) = 0;

  // --- device registers: synchronise with simulated time before the access
  // ------------------------
  virtual std::uint32_t mmio_read32(Addr addr) = 0;
  virtual void mmio_write32(Addr addr, std::uint32_t value) = 0;

  // --- D-cache maintenance by address range (Arm DC CVAC / IVAC / CIVAC on every line touched).
  // `site` is a stable name for the call site (`rx_buffer_invalidate`): faults can skip a site and
  // reports name it.
  virtual void dcache_clean(Addr addr, std::size_t len, const char* site) = 0;
  virtual void dcache_invalidate(Addr addr, std::size_t len, const char* site) = 0;
  virtual void dcache_clean_invalidate(Addr addr, std::size_t len, const char* site) = 0;
  /// Memory barrier (DMB/DSB): costs its latency; ordering is already sequential in the model.
  virtual void barrier() = 0;

  // --- time -------------------------------------------------------------------------------------
  virtual SimTime now() = 0;
  /// Models computation: the core is busy for `cycles` of its clock.
  virtual void spend(std::uint64_t cycles) = 0;
  /// Spins for `duration` holding the core (interrupts are still taken).
  virtual void busy_wait(SimTime duration) = 0;
  /// Blocks the calling thread for `duration`; the core runs other threads meanwhile.
  virtual void sleep(SimTime duration) = 0;
  /// Busy-polls until `condition` is true or `timeout` passes; returns the last condition value.
  /// `condition` reads memory through this HAL. Between evaluations the core spins without costing
  /// host time: it re-evaluates only when something could change the answer (a write, eviction or
  /// invalidate touching [addr, addr+len), an interrupt) and accounts the waited time as spent.
  virtual bool poll(Addr addr, std::size_t len, const std::function<bool()>& condition,
                    SimTime timeout) = 0;

  // --- console and logs -------------------------------------------------------------------------
  /// Prints through the cluster's UART; costs the characters' time at the configured baud rate.
  virtual void console(std::string_view text) = 0;
  /// Simulator-side log line (no simulated cost), e.g. component "sw.remote.rpmsg".
  virtual void log(LogLevel level, std::string_view component, std::string_view text) = 0;
  /// Tells the checkers what happened (message sent, received, dropped). Costs no simulated time.
  virtual void probe(const ProbeEvent& event) = 0;

  // --- operating system
  // ---------------------------------------------------------------------------
  virtual Os& os() = 0;

  /// A software-detected fatal error (BUG_ON, k_panic): the cluster panics; does not return.
  [[noreturn]] virtual void panic(std::string_view reason) = 0;
};

} // namespace sim::hal
