// SPDX-License-Identifier: Apache-2.0
// Faults in the stacks and in the remote's life: a TX buffer handed out twice (B10), vq
// interrupts ignored while attached (B11), the remote booting late or restarting mid-run.
#include <algorithm>

#include "sim/scenario/fault_kinds.h"
#include "sim/scenario/scenario.h"

namespace sim::app::fault_kinds {
namespace {

using config::ConfigNode;
using json = nlohmann::ordered_json;

/// `double_tx_buffer`: the remote's OpenAMP hands its `nth` TX buffer out a second time.
class DoubleTxBuffer : public Fault {
public:
  explicit DoubleTxBuffer(unsigned nth) : nth_(nth) {}
  const char* kind() const override { return "double_tx_buffer"; }
  Side side() const override { return Side::kRemote; }
  std::string description() const override {
    return "double_tx_buffer remote (TX buffer " + std::to_string(nth_) + ")";
  }
  json settings() const override { return {{"nth", nth_}}; }
  void apply(models::BoardConfig&, MasterSoftware&, RemoteSoftware& remote) const override {
    remote.image.double_tx_buffer_nth = nth_;
  }
  FaultReadout arm(models::Platform&) const override {
    return [](const FaultRunFacts& facts, FaultRecord& r) {
      for (const sw::zephyr::ZephyrStatus& z : facts.zephyr_images) {
        r.fired.insert(r.fired.end(), z.double_tx_buffer_fired.begin(),
                       z.double_tx_buffer_fired.end());
        r.occurrences += z.tx_buffers;
      }
    };
  }

private:
  unsigned nth_;
};

/// `ignore_vq_irq_when_attached`: Linux's mailbox RX callback drops vq notifications while the
/// remote is attached.
class IgnoreVqIrqWhenAttached : public Fault {
public:
  const char* kind() const override { return "ignore_vq_irq_when_attached"; }
  Side side() const override { return Side::kMaster; }
  std::string description() const override { return "ignore_vq_irq_when_attached master"; }
  void apply(models::BoardConfig&, MasterSoftware& master, RemoteSoftware&) const override {
    master.kernel.ignore_vq_irq_when_attached = true;
  }
  FaultReadout arm(models::Platform&) const override {
    return [](const FaultRunFacts& facts, FaultRecord& r) {
      if (facts.linux_status == nullptr) return;
      r.fired = facts.linux_status->vq_irqs_ignored;
      r.occurrences = facts.linux_status->mbox_rx_words;
    };
  }
};

/// `remote_boots_late`: the remote image starts `at`, not at time zero.
class RemoteBootsLate : public Fault {
public:
  explicit RemoteBootsLate(Picoseconds at) : at_(at) {}
  const char* kind() const override { return "remote_boots_late"; }
  Side side() const override { return Side::kRemote; }
  std::string description() const override { return "remote_boots_late at " + format_time(at_); }
  json settings() const override { return {{"at_ns", at_ / kPsPerNs}}; }
  void apply(models::BoardConfig&, MasterSoftware&, RemoteSoftware& remote) const override {
    remote.boot_at = at_;
  }
  FaultReadout arm(models::Platform&) const override { return in_effect_from(at_); }

private:
  Picoseconds at_;
};

/// `remote_restarts`: the remote is reset `at` (its D-cache dropped, its software gone) and its
/// image runs again `reboot` later.
class RemoteRestarts : public Fault {
public:
  RemoteRestarts(Picoseconds at, Picoseconds reboot) : at_(at), reboot_(reboot) {}
  const char* kind() const override { return "remote_restarts"; }
  Side side() const override { return Side::kRemote; }
  std::string description() const override {
    return "remote_restarts at " + format_time(at_) + ", running again " + format_time(reboot_) +
           " later";
  }
  json settings() const override {
    return {{"at_ns", at_ / kPsPerNs}, {"reboot_ns", reboot_ / kPsPerNs}};
  }
  /// A restart reboots the Zephyr image: it needs one, running before the reset.
  void validate(const Scenario& sc, const ConfigNode& node) const override {
    const bool zephyr = std::any_of(sc.remote_apps.begin(), sc.remote_apps.end(),
                                    [](const AppInstance& a) { return !a.bare(); });
    if (!zephyr)
      node.fail("remote_restarts reboots the Zephyr image, and this remote runs none (only "
                "bare programs)");
    if (at_ <= sc.remote.boot_at)
      node.fail("the restart at " + format_time(at_) +
                " comes before the remote booted (remote_boots_late at " +
                format_time(sc.remote.boot_at) + ")");
  }
  void apply(models::BoardConfig&, MasterSoftware&, RemoteSoftware& remote) const override {
    remote.restart_at = at_;
    remote.restart_delay = reboot_;
  }
  FaultReadout arm(models::Platform&) const override {
    return [](const FaultRunFacts& facts, FaultRecord& r) {
      r.fired = facts.remote_restarts;
      r.occurrences = 1;
    };
  }

private:
  Picoseconds at_;
  Picoseconds reboot_;
};

} // namespace

const config::KeySet& double_tx_buffer_keys() {
  static const config::KeySet keys(
      "fault_double_tx_buffer",
      "The remote's OpenAMP hands its `nth` TX buffer out again for the next send, as two racing "
      "senders would (real-bugs B10).",
      {nth_key("the TX buffer handed out twice; the name-service announcement is 1")
           .needed()
           .eg("nth: 5")});
  return keys;
}

std::unique_ptr<Fault> double_tx_buffer(const config::KeyReader& body, const models::BoardConfig&) {
  return std::make_unique<DoubleTxBuffer>(body.small_uint("nth"));
}

const config::KeySet& ignore_vq_irq_when_attached_keys() {
  static const config::KeySet keys(
      "fault_ignore_vq_irq_when_attached",
      "Linux's remoteproc driver drops mailbox notifications while the remote is attached "
      "(real-bugs B11).",
      {});
  return keys;
}

std::unique_ptr<Fault> ignore_vq_irq_when_attached(const config::KeyReader&,
                                                   const models::BoardConfig&) {
  return std::make_unique<IgnoreVqIrqWhenAttached>();
}

const config::KeySet& remote_boots_late_keys() {
  static const config::KeySet keys("fault_remote_boots_late",
                                   "The remote image starts at `at` instead of 0.",
                                   {config::Key::time("at", "when the remote image starts")
                                        .needed()
                                        .at_least(1)
                                        .eg("at: 500ms")});
  return keys;
}

std::unique_ptr<Fault> remote_boots_late(const config::KeyReader& body,
                                         const models::BoardConfig&) {
  return std::make_unique<RemoteBootsLate>(body.time("at"));
}

const config::KeySet& remote_restarts_keys() {
  static const config::KeySet keys(
      "fault_remote_restarts",
      "The remote is reset at `at` (its threads stop wherever they are, its D-cache loses its "
      "contents, interrupts are disabled), the boot loader reloads the image (the resource table "
      "as built) and the Zephyr image runs again `reboot` later with fresh applications; bare "
      "programs are not restarted.",
      {config::Key::time("at", "when the reset happens (after the remote booted)")
           .needed()
           .at_least(1)
           .eg("at: 50ms"),
       // Code caught in the middle of a quantum (at most the board's 1us) must have unwound first.
       config::Key::time("reboot", "from the reset to the image running again")
           .needed()
           .at_least(kPsPerMs)
           .eg("reboot: 10ms")});
  return keys;
}

std::unique_ptr<Fault> remote_restarts(const config::KeyReader& body, const models::BoardConfig&) {
  return std::make_unique<RemoteRestarts>(body.time("at"), body.time("reboot"));
}

} // namespace sim::app::fault_kinds
