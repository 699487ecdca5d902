// SPDX-License-Identifier: Apache-2.0
#include "tests/sw/zephyr/scripted_master.h"

#include "sw/shm/layout.h"
#include "sw/shm/vdev_view.h"

namespace sim::test {

namespace shm = sw::shm;

ScriptedMaster::ScriptedMaster(hal::Hal& hal, const sw::PlatformInfo& info,
                               ScriptedMasterConfig config)
    : hal_(hal), config_(config), mbox_(hal, info.mailbox_base), irq_rx_(info.mailbox_irq_rx),
      irq_tx_(info.mailbox_irq_tx),
      vring0_(hal, config.vring0, config.vring_num, config.vring_align),
      vring1_(hal, config.vring1, config.vring_num, config.vring_align),
      desc_for_([num = config.vring_num](unsigned n) { return n % num; }) {}

void ScriptedMaster::set_status(std::uint8_t status) {
  shm::VdevView vdev(hal_, config_.rsc_table + shm::rsc::ZephyrTableLayout{}.vdev());
  vdev.set_status(status);
}

void ScriptedMaster::attach() {
  kick_sem_ = &hal_.os().semaphore("master_kicks", 0, 1000);
  mbox_.attach(hal_.os(), irq_rx_, irq_tx_, [this] {
    if (!mbox_.rx_irq()) return;
    std::uint32_t words[sw::TccMbox::kMaxCmdWords];
    const std::size_t n = mbox_.receive(words, sw::TccMbox::kMaxCmdWords);
    mbox_.rx_irq_enable();
    for (std::size_t i = 0; i < n; ++i) kicks_.push_back(words[i]);
    if (n > 0) kick_sem_->give();
  });

  hal_.sleep(config_.start_delay);
  shm::VdevView vdev(hal_, config_.rsc_table + shm::rsc::ZephyrTableLayout{}.vdev());
  vdev.set_status(shm::rsc::kStatusAcknowledge);
  hal_.sleep(config_.status_step);
  vdev.set_status(shm::rsc::kStatusAcknowledge | shm::rsc::kStatusDriver);
  vdev.set_gfeatures(shm::rsc::kFeatureNs);
  vdev.vring(0).set_notifyid(0);
  vdev.vring(1).set_notifyid(1);

  // rp_find_vq clears each vring; the RX ring gets every RX buffer, the TX ring NO_INTERRUPT.
  const std::vector<std::uint8_t> zeros(shm::vring_size(config_.vring_num, config_.vring_align));
  hal_.write(config_.vring0, zeros.data(), zeros.size());
  hal_.write(config_.vring1, zeros.data(), zeros.size());
  for (unsigned i = 0; i < config_.rx_posted; ++i) {
    vring0_.write_desc(i, {rx_buffer(i), shm::kRpmsgBufSize, shm::kVringDescFWrite, 0});
    vring0_.set_avail_ring(i, static_cast<std::uint16_t>(i));
  }
  hal_.barrier();
  vring0_avail_ = static_cast<std::uint16_t>(config_.rx_posted);
  vring0_.set_avail_idx(vring0_avail_);
  vring1_.set_avail_flags(shm::kVringAvailFNoInterrupt);
  hal_.sleep(config_.status_step);
  vdev.set_status(shm::rsc::kStatusAcknowledge | shm::rsc::kStatusDriver |
                  shm::rsc::kStatusDriverOk);
  if (config_.kick_after_driver_ok) kick(0);
}

unsigned ScriptedMaster::post(std::uint32_t src, std::uint32_t dst, const std::string& payload) {
  const unsigned n = posted_++;
  const unsigned desc = desc_for_(n);
  const std::uint64_t buf = tx_buffer(n % config_.tx_buffers);
  shm::RpmsgHeader h;
  h.src = src;
  h.dst = dst;
  h.len = static_cast<std::uint16_t>(payload.size());
  shm::RpmsgHeaderView view(hal_, buf);
  view.write(h);
  view.write_payload(payload.data(), payload.size());
  vring1_.write_desc(desc,
                     {buf, static_cast<std::uint32_t>(shm::kRpmsgHdrSize + payload.size()), 0, 0});
  vring1_.set_avail_ring(n % config_.vring_num, static_cast<std::uint16_t>(desc));
  hal_.barrier();
  vring1_.set_avail_idx(static_cast<std::uint16_t>(n + 1));
  return desc;
}

void ScriptedMaster::kick(std::uint32_t id) {
  for (int tries = 0; mbox_.send(&id, 1) == sw::TccMbox::kBusy && tries < 10000; ++tries)
    hal_.sleep(1 * hal::kUs);
}

bool ScriptedMaster::wait_kick(hal::SimTime timeout) {
  return kick_sem_->take(timeout);
}

std::vector<ScriptedMaster::Message> ScriptedMaster::receive(bool repost) {
  std::vector<Message> out;
  const std::uint16_t used = vring0_.used_idx();
  hal_.barrier();
  while (vring0_last_used_ != used) {
    const unsigned slot = vring0_last_used_ % config_.vring_num;
    ++vring0_last_used_;
    Message m;
    m.desc = vring0_.used_ring_id(slot);
    m.used_len = vring0_.used_ring_len(slot);
    shm::RpmsgHeaderView view(hal_, vring0_.desc_addr(m.desc % config_.vring_num));
    m.hdr = view.read();
    m.payload.resize(std::min<std::size_t>(m.hdr.len, shm::kRpmsgMaxPayload));
    view.read_payload(m.payload.data(), m.payload.size());
    out.push_back(std::move(m));
    if (repost) {
      vring0_.set_avail_ring(vring0_avail_ % config_.vring_num,
                             static_cast<std::uint16_t>(out.back().desc));
      hal_.barrier();
      vring0_.set_avail_idx(++vring0_avail_);
    }
  }
  return out;
}

bool ScriptedMaster::wait_tx_returned(std::uint16_t idx, hal::SimTime timeout) {
  return hal_.poll(
      vring1_.at(vring1_.layout().used_idx()), 2, [&] { return vring1_.used_idx() == idx; },
      timeout);
}

} // namespace sim::test
