// fastText's FastText with the protected steps we need exposed: training with a fully initialised
// input matrix, loading from a stream we have already checked (signature included), zeroing the
// n-gram rows training never saw, and dropping the output layer before saving (it is only used to
// continue training, and it is as large as the word rows).
#pragma once

#include <fasttext/fasttext.h>

#include <fstream>
#include <istream>
#include <memory>
#include <random>
#include <stdexcept>
#include <vector>

namespace snai::semantic::internal {

class FastTextModel : public fasttext::FastText {
 public:
  // FastText::train, except for the input matrix: fastText 0.9.2's DenseMatrix::uniform fills only
  // the first `thread`/10 of the rows (block size m*n/10, one block per thread), leaving most word
  // rows and every n-gram row at zero unless it trains with >= 10 threads. We fill all of it with
  // the same U(-1/dim, 1/dim) from `seed`, so results do not depend on the thread count.
  void train_fully_initialised(const fasttext::Args& args, const TrainCallback& callback) {
    args_ = std::make_shared<fasttext::Args>(args);
    dict_ = std::make_shared<fasttext::Dictionary>(args_);
    std::ifstream in(args_->input);
    if (!in.is_open()) throw std::invalid_argument(args_->input + " cannot be opened for training");
    dict_->readFromFile(in);
    in.close();
    auto input = std::make_shared<fasttext::DenseMatrix>(dict_->nwords() + args_->bucket, args_->dim);
    std::minstd_rand rng(static_cast<std::uint32_t>(args_->seed) + 1);
    const float a = 1.0f / static_cast<float>(args_->dim);
    std::uniform_real_distribution<float> uniform(-a, a);
    float* data = input->data();
    for (std::int64_t i = 0, n = input->rows() * input->cols(); i < n; ++i) data[i] = uniform(rng);
    input_ = input;
    output_ = createTrainOutputMatrix();
    quant_ = false;
    auto loss = createLoss(output_);
    model_ = std::make_shared<fasttext::Model>(input_, output_, loss, args_->model == fasttext::model_name::sup);
    startThreads(callback);
  }

  // Zeroes the hash rows no vocabulary word uses: they were never trained and are only noise, so
  // an unseen n-gram of an invented word then adds nothing instead of a random direction.
  void zero_unseen_ngram_rows() {
    auto input = std::dynamic_pointer_cast<fasttext::DenseMatrix>(input_);
    if (!input) return;
    const std::int32_t words = dict_->nwords();
    std::vector<bool> seen(static_cast<std::size_t>(input->rows()), false);
    for (std::int32_t id = 0; id < words; ++id) {
      for (std::int32_t row : dict_->getSubwords(id)) seen[static_cast<std::size_t>(row)] = true;
    }
    for (std::int64_t row = words; row < input->rows(); ++row) {
      if (!seen[static_cast<std::size_t>(row)]) {
        std::fill(input->data() + row * input->cols(), input->data() + (row + 1) * input->cols(), 0.0f);
      }
    }
  }

  void load_checked(std::istream& in) {
    if (!checkModel(in)) throw std::invalid_argument("bad fastText signature");
    loadModel(in);
  }

  // Frees the input matrix (after its rows were copied elsewhere): the dictionary stays.
  void drop_input_matrix() {
    input_ = std::make_shared<fasttext::DenseMatrix>(0, args_->dim);
    model_.reset();
  }

  // Replaces the output matrix by an empty one and the loss by softmax, whose setup reads nothing
  // from the output (negative sampling would rebuild a 40 MB sampling table at every load).
  void drop_output_matrix() {
    auto input = std::dynamic_pointer_cast<fasttext::DenseMatrix>(input_);
    if (!input) throw std::logic_error("drop_output_matrix needs a dense input matrix");
    args_->loss = fasttext::loss_name::softmax;
    setMatrices(input, std::make_shared<fasttext::DenseMatrix>(0, args_->dim));
  }
};

}  // namespace snai::semantic::internal
