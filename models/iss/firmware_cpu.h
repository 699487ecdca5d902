// SPDX-License-Identifier: Apache-2.0
#pragma once
// Real firmware on a cluster (issue 14): one AArch64 core (Aarch64Engine) runs an ELF on the
// cluster's thread, in instruction quanta against the cluster's quantum keeper, with
//   - private RAM mapped straight into the engine (fast, seen by nobody else),
//   - the shared carve-outs through the cluster's D-cache or bus by the memory type the
//     firmware's own page tables give (page_walk.h), so the sanitizer, the memory watch and the
//     ledger see every byte as they do for the modelled stacks,
//   - DC CIVAC/CVAC/IVAC/ZVA to the D-cache model by VA, named by the function that issued them
//     (the `site` of fault injection and sanitizer findings: "fw:<function>"),
//   - the mailbox and UART as device accesses through the TLM models,
//   - the GICv3 (gic_v3.h) over the cluster's interrupt controller and the generic timer
//     (generic_timer.h) on simulated time, through MRS/MSR,
//   - WFI sleeping without host cost until the GIC signals an interrupt or the timer fires,
//   - synchronous exceptions: SVC taken to VBAR_EL1 as the architecture does; an undefined
//     instruction, a data or prefetch abort, a BRK, an access to no memory are panics with PC,
//     ESR, FAR and the faulting function, and the cluster halts (ipcsim does not).
// The OS model's interrupt context is kept out (IRQs masked for it): the firmware owns the
// interrupts. SystemC waits happen inside unicorn's callbacks (a device access synchronises);
// no C++ exception may cross unicorn's C frames, so a halt or a kill met there is held and
// rethrown once the run has returned.
// Timing: `ipc` instructions per clock cycle for everything the firmware executes, plus what
// the models annotate for its accesses; an instruction's place in a quantum is known to within
// its translation block (Aarch64Engine::executed_so_far). Not modelled: instruction fetch and
// I-cache, barriers' cost beyond an instruction's, more than one core.

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "models/cpu/cluster.h"
#include "models/irq/irq_controller.h"
#include "models/iss/aarch64_engine.h"
#include "models/iss/generic_timer.h"
#include "models/iss/gic_v3.h"

namespace sim::models::iss {

struct AddressRange {
  std::string name;
  std::uint64_t base = 0;
  std::uint64_t size = 0;
  std::uint64_t end() const { return base + size; }
  bool contains(std::uint64_t a) const { return a >= base && a - base < size; }
};

struct FirmwareCpuConfig {
  std::uint64_t clock_hz = 1500000000;
  /// Instructions per clock cycle (inferred for an in-order dual-issue A55 running RPMsg code).
  double ipc = 1.0;
  std::uint64_t timer_hz = 24000000;
  unsigned dcache_line = 64;
  std::uint64_t gicd_base = 0;
  std::uint64_t gicr_base = 0;
  /// ipcsim's probe port (one 4 KiB page; 0: none): writes go to on_probe_write, reads give 0.
  std::uint64_t probe_port = 0;
  /// Mapped straight into the engine (4 KiB aligned).
  std::vector<AddressRange> ram;
  /// The shared carve-outs: every access through the cluster by the firmware's memory type.
  std::vector<AddressRange> shared;
  /// Device windows (mailbox terminal, UART): device accesses through the cluster.
  std::vector<AddressRange> devices;
  /// A core that only re-reads the same shared values (a poll on a stale line, a wait for the
  /// peer's status) sleeps until something could change them (poll_skip in firmware_cpu.cpp).
  bool skip_polls = true;
  /// The console UART (a PL011 at `uart_base`): when a core polling UARTFR.TXFF finds the FIFO
  /// full, it waits until uart_space_at(now) says there is room (or an interrupt comes) instead
  /// of executing every read of the poll. None: every read is executed.
  std::uint64_t uart_base = 0;
  std::function<Picoseconds(Picoseconds)> uart_space_at;
};

struct FirmwareLoad {
  std::uint64_t entry = 0;
  struct Segment {
    std::uint64_t address = 0;
    std::vector<std::uint8_t> bytes; ///< the rest up to the RAM's end stays zero
  };
  /// Segments in private RAM (the caller loads those in shared memory into DRAM itself).
  std::vector<Segment> segments;
  /// "function+0xoff" for a code address, or empty.
  std::function<std::string(std::uint64_t)> symbolize;
};

struct FirmwareCpuStats {
  std::uint64_t instructions = 0, quanta = 0, wfi_sleeps = 0, irqs_taken = 0, svcs = 0;
  std::uint64_t shared_reads = 0, shared_writes = 0, device_reads = 0, device_writes = 0;
  std::uint64_t dc_ops = 0, dc_ops_private = 0;
  std::uint64_t sleep_ps = 0;
  std::uint64_t polls_skipped = 0; ///< polls slept through instead of executed
  std::uint64_t uart_waits = 0;    ///< polls of a full UART FIFO waited out
  std::uint64_t poll_skip_ps = 0;  ///< simulated time they covered
};

class FirmwareCpu {
public:
  /// Throws std::invalid_argument for a range the engine cannot map (misaligned, overlapping) or a
  /// segment outside private RAM.
  FirmwareCpu(Cluster& cluster, IrqController& irq, const FirmwareCpuConfig& config,
              FirmwareLoad load);
  ~FirmwareCpu();
  FirmwareCpu(const FirmwareCpu&) = delete;
  FirmwareCpu& operator=(const FirmwareCpu&) = delete;

  /// The firmware's thread (Cluster::boot's entry): runs until the simulation ends or the
  /// firmware faults (a panic of the cluster).
  void run();

  /// Hears every access to shared memory once it is done (a piece of at most 4 bytes, with the
  /// value read or written), on the firmware's thread: what reports the firmware's messages.
  using SharedAccessObserver =
      std::function<void(bool write, std::uint64_t pa, unsigned size, std::uint32_t value)>;
  void on_shared_access(SharedAccessObserver observer) { on_shared_access_ = std::move(observer); }
  /// A store to the probe port (config probe_port): its offset in the page and its value.
  using ProbeWrite = std::function<void(std::uint64_t offset, std::uint32_t value)>;
  void on_probe_write(ProbeWrite observer) { on_probe_write_ = std::move(observer); }

  const FirmwareCpuStats& stats() const { return stats_; }
  Aarch64Engine& engine() { return engine_; }
  GicV3& gic() { return gic_; }

private:
  struct Ram;
  void map_memory();
  void load(const FirmwareLoad& load);
  Picoseconds now_ps();
  /// Advances the core for the instructions executed since the last account.
  void catch_up(std::uint64_t executed);
  std::uint64_t budget();
  void update_timer();
  /// Ends the run at the next block when the GIC signals an interrupt PSTATE.I lets in.
  void check_interrupt();
  void sleep_until_interrupt();
  void handle(const RunResult& r);
  /// After a quantum: whether it only re-read what the previous ones read (then sleeps it off).
  void detect_poll(const RunResult& r);
  /// A shared read or a DC operation of this quantum (a poll's signature).
  struct Read;
  void note_poll_step(const Read& step);
  void skip_poll();
  /// A read of UARTFR found TXFF: the poll waits until the FIFO has room or an interrupt comes.
  void wait_for_uart();
  /// Runs `body` inside an engine callback: a halt, a kill or an error is held for run().
  template <typename F> void guarded(F&& body);
  std::uint32_t shared_read(std::uint64_t pa, unsigned size);
  void shared_write(std::uint64_t pa, unsigned size, std::uint32_t value);
  MemAttr shared_attr(std::uint64_t pa, bool write);
  /// A mailbox or UART register access, in time, through the cluster (UARTFR: see wait_for_uart).
  void device_access(bool write, std::uint64_t pa, unsigned size, std::uint32_t& value);
  void dc(const DcOp& op);
  bool sysreg(const SysReg& reg, bool write, std::uint64_t& value);
  std::optional<std::uint64_t> read_descriptor(std::uint64_t pa) const;
  const char* site(std::uint64_t pc);
  std::string where(std::uint64_t pc) const;
  [[noreturn]] void exception_panic(const Exception& e, std::uint64_t pc);
  [[noreturn]] void memory_panic(const std::string& error, std::uint64_t pc);
  [[noreturn]] void data_abort(std::uint64_t far, bool write, const std::string& why);

  Cluster& cluster_;
  IrqController& irq_;
  FirmwareCpuConfig config_;
  std::function<std::string(std::uint64_t)> symbolize_;
  Aarch64Engine engine_;
  GicV3 gic_;
  GenericTimer timer_;
  std::vector<std::unique_ptr<Ram>> ram_;
  std::uint64_t ipc_milli_;     ///< instructions per 1000 cycles
  std::uint64_t accounted_ = 0; ///< instructions of the current run already charged
  std::uint64_t total_instructions_ = 0;
  Picoseconds charged_ps_ = 0;
  std::uint64_t run_budget_ = 0;
  std::uint64_t masked_step_ = 0; ///< the step while an interrupt waits on PSTATE.I (0: none)
  bool sleeping_ = false;
  bool uart_full_ = false;     ///< the last UARTFR read found TXFF
  bool in_wfi_ = false;        ///< blocked in WFI: the waker may wake thread_
  OsThread* thread_ = nullptr; ///< the firmware's thread (run())
  std::exception_ptr held_;
  SharedAccessObserver on_shared_access_;
  ProbeWrite on_probe_write_;
  struct Read {
    std::uint64_t addr;
    unsigned size;
    std::uint32_t value;
    bool operator<(const Read& o) const {
      return std::tie(addr, size, value) < std::tie(o.addr, o.size, o.value);
    }
    bool operator==(const Read& o) const {
      return addr == o.addr && size == o.size && value == o.value;
    }
  };
  std::vector<Read> quantum_reads_; ///< this quantum's shared reads (a poll's signature)
  bool quantum_pure_ = true;        ///< no write, maintenance, device access, timer or interrupt
  std::vector<Read> previous_reads_;
  unsigned same_quanta_ = 0;
  std::set<std::string> sites_; ///< stable storage for the site names observers keep
  FirmwareCpuStats stats_;
};

} // namespace sim::models::iss
