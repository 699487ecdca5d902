// SPDX-License-Identifier: Apache-2.0
#include "models/iss/gic_v3.h"

#include <algorithm>

namespace sim::models::iss {
namespace {

// Distributor (GICD_*) and redistributor (GICR_*) offsets, IHI 0069 chapter 12.
constexpr std::uint64_t kGicdCtlr = 0x0, kGicdTyper = 0x4, kGicdIidr = 0x8;
constexpr std::uint64_t kGicdIgroupr = 0x080, kGicdIsenabler = 0x100, kGicdIcenabler = 0x180;
constexpr std::uint64_t kGicdIspendr = 0x200, kGicdIsactiver = 0x300, kGicdIpriorityr = 0x400;
constexpr std::uint64_t kGicdIcfgr = 0xc00, kGicdIrouter = 0x6000, kPidr2 = 0xffe8;
constexpr std::uint64_t kGicrCtlr = 0x0, kGicrIidr = 0x4, kGicrTyper = 0x8, kGicrWaker = 0x14;
constexpr std::uint64_t kSgiBase = 0x10000;
constexpr std::uint32_t kWakerProcessorSleep = 1u << 1, kWakerChildrenAsleep = 1u << 2;
/// PIDR2.ArchRev 3: GICv3.
constexpr std::uint32_t kPidr2GicV3 = 0x3b;
/// An Arm-implemented GIC (JEP106 0x43B), as GIC-600's IIDR reads (product id left 0).
constexpr std::uint32_t kIidrArm = 0x43b;
/// ICC_SRE_EL1: SRE, DFB, DIB (the system-register interface is always on).
constexpr std::uint64_t kSre = 0x7;
/// ICC_CTLR_EL1.PRIbits = 4: five priority bits, as GIC-600.
constexpr std::uint64_t kCtlrPriBits = 4u << 8;
constexpr std::uint64_t kCtlrEoiMode = 1u << 1;
/// GICD_CTLR: EnableGrp1NS/EnableGrp1A as the non-secure view shows them (bits 0 and 1).
constexpr std::uint32_t kGicdEnableGroup1 = 0x3;

bool in_words(std::uint64_t offset, std::uint64_t base, unsigned words) {
  return offset >= base && offset < base + 4u * words;
}

} // namespace

GicV3::GicV3(IrqControllerCore& spis, unsigned core) : spis_(spis), core_(core) {}

// ---- which interrupt ---------------------------------------------------------------------------

GicV3::Candidate GicV3::highest_pending() const {
  Candidate best;
  for (unsigned intid = 16; intid < 32; ++intid) {
    const Ppi& p = ppis_[intid];
    if (p.level && p.enabled && !p.active &&
        (best.intid == kSpurious || p.priority < best.priority))
      best = {intid, p.priority};
  }
  if (std::optional<IrqControllerCore::Pending> spi = spis_.highest_pending(core_))
    if (best.intid == kSpurious || spi->priority < best.priority)
      best = {kSpiBase + spi->line, spi->priority};
  return best;
}

unsigned GicV3::running_priority() const {
  return active_.empty() ? 0xff : active_.back().second;
}

bool GicV3::signalled(const Candidate& c) const {
  return c.intid != kSpurious && (gicd_ctlr_ & kGicdEnableGroup1) != 0 && (igrpen1_ & 1) != 0 &&
         c.priority < pmr_ && c.priority < running_priority();
}

bool GicV3::irq_asserted() const {
  return signalled(highest_pending());
}

unsigned GicV3::acknowledge() {
  const Candidate c = highest_pending();
  if (!signalled(c)) return kSpurious;
  unsigned intid = c.intid;
  if (intid < kSpiBase) {
    ppis_[intid].active = true;
  } else {
    const std::optional<unsigned> line = spis_.acknowledge(core_);
    if (!line) return kSpurious;
    intid = kSpiBase + *line;
    active_spis_.push_back(*line);
  }
  active_.push_back({intid, c.priority});
  ++acknowledged_;
  return intid;
}

void GicV3::end_of_interrupt(unsigned intid) {
  // EOImode 0: the priority drop and the deactivation; EOImode 1: the drop only (DIR deactivates).
  auto it = std::find_if(active_.rbegin(), active_.rend(),
                         [intid](const auto& a) { return a.first == intid; });
  if (it != active_.rend()) active_.erase(std::next(it).base());
  if ((ctlr_ & kCtlrEoiMode) != 0) return;
  if (intid < 32) {
    ppis_[intid].active = false;
  } else if (intid < kSpurious) {
    auto spi = std::find(active_spis_.begin(), active_spis_.end(), intid - kSpiBase);
    if (spi == active_spis_.end()) return; // not active: ignored, as the GIC does
    active_spis_.erase(spi);
    spis_.end_of_interrupt(intid - kSpiBase);
  }
}

void GicV3::set_ppi_level(unsigned intid, bool level) {
  if (intid >= 16 && intid < 32) ppis_[intid].level = level;
}

// ---- per-INTID bit and byte registers ----------------------------------------------------------

bool GicV3::spi_pending(unsigned intid) const {
  const unsigned line = intid - kSpiBase;
  return spis_.level(line) &&
         std::find(active_spis_.begin(), active_spis_.end(), line) == active_spis_.end();
}

bool GicV3::spi_active(unsigned intid) const {
  return std::find(active_spis_.begin(), active_spis_.end(), intid - kSpiBase) !=
         active_spis_.end();
}

std::uint32_t GicV3::spi_bits(unsigned word, bool (GicV3::*test)(unsigned) const) const {
  std::uint32_t bits = 0;
  for (unsigned bit = 0; bit < 32; ++bit) {
    const unsigned intid = word * 32 + bit;
    if (intid >= kSpiBase && (this->*test)(intid)) bits |= 1u << bit;
  }
  return bits;
}

std::uint32_t GicV3::enable_bits(unsigned word) const {
  std::uint32_t bits = 0;
  for (unsigned bit = 0; bit < 32; ++bit) {
    const unsigned intid = word * 32 + bit;
    const bool on = intid < 32 ? ppis_[intid].enabled : spis_.enabled(intid - kSpiBase);
    if (on) bits |= 1u << bit;
  }
  return bits;
}

void GicV3::write_enables(unsigned word, std::uint32_t bits, bool enable) {
  for (unsigned bit = 0; bit < 32; ++bit) {
    if ((bits & (1u << bit)) == 0) continue;
    const unsigned intid = word * 32 + bit;
    if (intid < 16) continue; // SGIs: not modelled
    if (intid < 32) {
      ppis_[intid].enabled = enable;
    } else if (enable || spis_.enabled(intid - kSpiBase)) {
      // (A disable of a line never enabled changes nothing: the controller is not asked to
      // create it.)
      spis_.enable(intid - kSpiBase, enable);
    }
  }
}

std::uint32_t GicV3::priority_word(unsigned first) const {
  std::uint32_t value = 0;
  for (unsigned i = 0; i < 4; ++i) {
    const unsigned intid = first + i;
    const std::uint8_t p = intid < 32 ? ppis_[intid].priority : spis_.priority(intid - kSpiBase);
    value |= std::uint32_t{p} << (8 * i);
  }
  return value;
}

void GicV3::write_priority_word(unsigned first, std::uint32_t value) {
  for (unsigned i = 0; i < 4; ++i) {
    const unsigned intid = first + i;
    const auto p = static_cast<std::uint8_t>(value >> (8 * i));
    if (intid < 32)
      ppis_[intid].priority = p;
    else if (spis_.priority(intid - kSpiBase) != p)
      spis_.set_priority(intid - kSpiBase, p);
  }
}

// ---- distributor -------------------------------------------------------------------------------

std::uint32_t GicV3::distributor_read(std::uint64_t offset) const {
  if (offset == kGicdCtlr) return gicd_ctlr_;
  if (offset == kGicdTyper) return (9u << 19) | 31u; // IDbits 10, ITLinesNumber 31
  if (offset == kGicdIidr) return kIidrArm;
  if (offset == kPidr2) return kPidr2GicV3;
  const auto word = [&](std::uint64_t base) { return static_cast<unsigned>((offset - base) / 4); };
  if (in_words(offset, kGicdIgroupr, 32)) return igroupr_[word(kGicdIgroupr)];
  if (in_words(offset, kGicdIsenabler, 32)) return enable_bits(word(kGicdIsenabler));
  if (in_words(offset, kGicdIcenabler, 32)) return enable_bits(word(kGicdIcenabler));
  if (in_words(offset, kGicdIspendr, 32))
    return word(kGicdIspendr) == 0 ? 0 : spi_bits(word(kGicdIspendr), &GicV3::spi_pending);
  if (in_words(offset, kGicdIsactiver, 32))
    return word(kGicdIsactiver) == 0 ? 0 : spi_bits(word(kGicdIsactiver), &GicV3::spi_active);
  if (in_words(offset, kGicdIpriorityr, 256))
    return word(kGicdIpriorityr) < 8 ? 0 : priority_word(4 * word(kGicdIpriorityr));
  if (in_words(offset, kGicdIcfgr, 64)) return icfgr_[word(kGicdIcfgr) / 2];
  return 0; // IROUTER (every SPI goes to this core) and reserved offsets read as zero
}

void GicV3::distributor_write(std::uint64_t offset, std::uint32_t value) {
  const auto word = [&](std::uint64_t base) { return static_cast<unsigned>((offset - base) / 4); };
  if (offset == kGicdCtlr) {
    gicd_ctlr_ = value & 0x7fffffffu; // RWP reads 0: writes take effect at once
  } else if (in_words(offset, kGicdIgroupr, 32)) {
    igroupr_[word(kGicdIgroupr)] = value;
  } else if (in_words(offset, kGicdIsenabler, 32)) {
    if (word(kGicdIsenabler) > 0) write_enables(word(kGicdIsenabler), value, true);
  } else if (in_words(offset, kGicdIcenabler, 32)) {
    if (word(kGicdIcenabler) > 0) write_enables(word(kGicdIcenabler), value, false);
  } else if (in_words(offset, kGicdIpriorityr, 256)) {
    if (word(kGicdIpriorityr) >= 8) write_priority_word(4 * word(kGicdIpriorityr), value);
  } else if (in_words(offset, kGicdIcfgr, 64)) {
    if (word(kGicdIcfgr) / 2 < icfgr_.size()) icfgr_[word(kGicdIcfgr) / 2] = value;
  }
  // IROUTER, ICPENDR, ICACTIVER: accepted and ignored (one core; level lines).
  (void)kGicdIrouter;
}

// ---- redistributor -----------------------------------------------------------------------------

std::uint32_t GicV3::redistributor_read(std::uint64_t offset) const {
  switch (offset) {
  case kGicrCtlr:
    return 0;
  case kGicrIidr:
    return kIidrArm;
  case kGicrTyper:
    return (core_ << 8) | (1u << 4); // Processor_Number, Last
  case kGicrTyper + 4:
    return 0; // Affinity: MPIDR 0.0.0.core (core 0 of the cluster)
  case kGicrWaker:
    // ChildrenAsleep follows ProcessorSleep at once (no wake-up latency modelled).
    return (gicr_waker_ & kWakerProcessorSleep) != 0 ? kWakerProcessorSleep | kWakerChildrenAsleep
                                                     : 0;
  case kPidr2:
    return kPidr2GicV3;
  case kSgiBase + kGicdIgroupr:
    return igroupr_[0];
  case kSgiBase + kGicdIsenabler:
  case kSgiBase + kGicdIcenabler:
    return enable_bits(0);
  case kSgiBase + kGicdIspendr: {
    std::uint32_t bits = 0;
    for (unsigned i = 16; i < 32; ++i)
      if (ppis_[i].level && !ppis_[i].active) bits |= 1u << i;
    return bits;
  }
  case kSgiBase + kGicdIcfgr:
  case kSgiBase + kGicdIcfgr + 4:
    return icfgr_[0];
  default:
    break;
  }
  if (in_words(offset, kSgiBase + kGicdIpriorityr, 8))
    return priority_word(static_cast<unsigned>(offset - kSgiBase - kGicdIpriorityr));
  return 0;
}

void GicV3::redistributor_write(std::uint64_t offset, std::uint32_t value) {
  if (offset == kGicrWaker) {
    gicr_waker_ = value & kWakerProcessorSleep;
  } else if (offset == kSgiBase + kGicdIgroupr) {
    igroupr_[0] = value;
  } else if (offset == kSgiBase + kGicdIsenabler) {
    write_enables(0, value, true);
  } else if (offset == kSgiBase + kGicdIcenabler) {
    write_enables(0, value, false);
  } else if (in_words(offset, kSgiBase + kGicdIpriorityr, 8)) {
    write_priority_word(static_cast<unsigned>(offset - kSgiBase - kGicdIpriorityr), value);
  } else if (offset == kSgiBase + kGicdIcfgr + 4) {
    icfgr_[0] = value;
  }
}

// ---- CPU interface -----------------------------------------------------------------------------

bool GicV3::sysreg(const SysReg& r, bool write, std::uint64_t& value) {
  if (r.op0 != 3 || r.op1 != 0) return false;
  if (r.crn == 4 && r.crm == 6 && r.op2 == 0) { // ICC_PMR_EL1
    if (write)
      pmr_ = value & 0xff;
    else
      value = pmr_;
    return true;
  }
  if (r.crn != 12) return false;
  const auto rw = [&](std::uint64_t& reg, std::uint64_t mask) {
    if (write)
      reg = value & mask;
    else
      value = reg;
    return true;
  };
  if (r.crm == 12) {
    switch (r.op2) {
    case 0: // ICC_IAR1_EL1
      if (!write) value = acknowledge();
      return true;
    case 1: // ICC_EOIR1_EL1
      if (write) end_of_interrupt(static_cast<unsigned>(value & 0xffffff));
      return true;
    case 2: // ICC_HPPIR1_EL1
      if (!write) value = highest_pending().intid;
      return true;
    case 3: // ICC_BPR1_EL1
      return rw(bpr1_, 0x7);
    case 4: // ICC_CTLR_EL1 (EOImode writable; PRIbits read-only)
      if (write)
        ctlr_ = value & kCtlrEoiMode;
      else
        value = ctlr_ | kCtlrPriBits;
      return true;
    case 5: // ICC_SRE_EL1: always enabled
      if (!write) value = kSre;
      return true;
    case 6: // ICC_IGRPEN0_EL1
      return rw(igrpen0_, 1);
    case 7: // ICC_IGRPEN1_EL1
      return rw(igrpen1_, 1);
    default:
      return false;
    }
  }
  if (r.crm == 11) {
    switch (r.op2) {
    case 1: // ICC_DIR_EL1: the deactivation in EOImode 1
      if (write && (ctlr_ & kCtlrEoiMode) != 0) {
        const auto intid = static_cast<unsigned>(value & 0xffffff);
        const std::uint64_t saved = ctlr_;
        ctlr_ &= ~kCtlrEoiMode;
        end_of_interrupt(intid);
        ctlr_ = saved;
      }
      return true;
    case 3: // ICC_RPR_EL1
      if (!write) value = running_priority();
      return true;
    case 5: // ICC_SGI1R_EL1: SGIs are not modelled (one core)
      return true;
    default:
      return false;
    }
  }
  if (r.crm == 8 || r.crm == 9) { // ICC_AP0Rn/AP1Rn_EL1 and the group-0 registers: read as 0
    if (!write) value = r.crm == 8 && r.op2 == 0 ? kSpurious : 0;
    return true;
  }
  return false;
}

} // namespace sim::models::iss
