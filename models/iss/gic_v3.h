// SPDX-License-Identifier: Apache-2.0
#pragma once
// The GICv3 an ISS core sees (issue 14): the cluster's interrupt controller (IrqControllerCore:
// the SPIs the mailbox drives) behind the registers real firmware programs. GICv3 rather than
// GICv2 because the TCC807x has GIC-600-class GICv3s (reference/tcc807x-mailbox.md: main GICD
// 0x1760_0000, GICR 0x1768_0000) and Zephyr's and Linux's arm64 drivers use the system-register
// CPU interface (ICC_*_EL1), which unicorn leaves undefined but hands to MRS/MSR hooks.
//
// Modelled, from the GICv3 architecture specification (IHI 0069): the distributor's CTLR, TYPER,
// IIDR, IGROUPR, ISENABLER/ICENABLER, ISPENDR (read), ISACTIVER (read), IPRIORITYR, ICFGR,
// IROUTER and PIDR2; one redistributor (RD_base: CTLR, IIDR, TYPER with Last, WAKER's
// ProcessorSleep/ChildrenAsleep handshake, PIDR2; SGI_base: the PPIs' enables, priorities and
// configuration); the CPU interface's SRE, PMR, BPR1, CTLR, IGRPEN0/1, IAR1, EOIR1, DIR, HPPIR1,
// RPR. One interrupt group (group 1, non-secure), EOImode 0 (EOIR drops the priority and
// deactivates), running priority from the stack of active interrupts. SPIs are INTID 32 + the
// board's SPI number; PPIs (INTID 16..31) are this model's own (the generic timer's).
// Not modelled: SGIs, LPIs/ITS, group 0 and secure state, edge-triggered SPIs (ICFGR is kept but
// every SPI stays level, as the mailbox's are), binary-point preemption subgroups, affinity
// routing to more than one core.

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "models/irq/irq_controller_core.h"
#include "models/iss/aarch64_engine.h"

namespace sim::models::iss {

class GicV3 {
public:
  static constexpr unsigned kSpiBase = 32;
  static constexpr unsigned kSpurious = 1023;
  static constexpr unsigned kMaxIntid = 32 * 32 - 1; ///< TYPER.ITLinesNumber 31: INTID < 1020
  static constexpr std::uint64_t kDistributorSize = 0x10000;
  static constexpr std::uint64_t kRedistributorSize = 0x20000; ///< RD_base + SGI_base frames

  /// `spis`: the cluster's controller; `core`: the core whose CPU interface this is.
  explicit GicV3(IrqControllerCore& spis, unsigned core = 0);

  std::uint32_t distributor_read(std::uint64_t offset) const;
  void distributor_write(std::uint64_t offset, std::uint32_t value);
  std::uint32_t redistributor_read(std::uint64_t offset) const;
  void redistributor_write(std::uint64_t offset, std::uint32_t value);
  /// The CPU interface's ICC_* registers (Aarch64Engine::SysRegHandler): false for any other.
  bool sysreg(const SysReg& reg, bool write, std::uint64_t& value);

  /// A PPI's level (the generic timer's outputs; INTID 16..31).
  void set_ppi_level(unsigned intid, bool level);
  /// The IRQ signal to the core: an enabled, pending group-1 interrupt whose priority is higher
  /// than both PMR and the running priority, with group 1 enabled at the distributor and the CPU
  /// interface.
  bool irq_asserted() const;

  unsigned running_priority() const;
  std::uint64_t acknowledged() const { return acknowledged_; }

private:
  struct Ppi {
    bool level = false, enabled = false, active = false;
    std::uint8_t priority = 0;
  };
  struct Candidate {
    unsigned intid = kSpurious;
    std::uint8_t priority = 0xff;
  };
  Candidate highest_pending() const;
  bool signalled(const Candidate& c) const;
  unsigned acknowledge();
  void end_of_interrupt(unsigned intid);
  std::uint32_t enable_bits(unsigned word) const;
  void write_enables(unsigned word, std::uint32_t bits, bool enable);
  std::uint32_t priority_word(unsigned first) const;
  void write_priority_word(unsigned first, std::uint32_t value);
  std::uint32_t spi_bits(unsigned word, bool (GicV3::*test)(unsigned) const) const;
  bool spi_pending(unsigned intid) const;
  bool spi_active(unsigned intid) const;

  IrqControllerCore& spis_;
  unsigned core_;
  std::uint32_t gicd_ctlr_ = 0;
  std::uint32_t gicr_waker_ = 0x6; ///< ProcessorSleep | ChildrenAsleep out of reset
  std::array<Ppi, 32> ppis_{};     ///< INTID 0..31 (0..15, the SGIs, unused)
  std::array<std::uint32_t, 32> icfgr_{};
  std::array<std::uint32_t, 32> igroupr_{};
  std::vector<unsigned> active_spis_; ///< SPIs acknowledged, not yet ended (for ISACTIVER)
  std::uint64_t pmr_ = 0, bpr1_ = 0, ctlr_ = 0, igrpen0_ = 0, igrpen1_ = 0;
  std::vector<std::pair<unsigned, std::uint8_t>> active_; ///< acknowledged: INTID, priority
  std::uint64_t acknowledged_ = 0;
};

} // namespace sim::models::iss
