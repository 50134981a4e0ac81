package io.cskpi.server;

import io.cskpi.proto.v1.Customer;
import io.cskpi.proto.v1.CsatScale;
import io.cskpi.proto.v1.Survey;
import io.cskpi.proto.v1.SurveyKind;
import io.cskpi.proto.v1.SurveyResponse;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The Women's Clothing E-Commerce reviews as a 1-5 CSAT survey ("reviews", 4-5 satisfied). The
 * file has no dates and no customers: each review is a response of its own customer
 * ("review-ROW", with the attribute department, "unknown" when empty), all answered at
 * 2018-01-01T00:00Z (the data set's publication), with its review text as an English comment.
 */
final class ClothingReviewsDataset {

  static final Instant ANSWERED_AT = Instant.parse("2018-01-01T00:00:00Z");

  private ClothingReviewsDataset() {}

  static String load(Reader reader, ApiWriter writer) throws IOException {
    writer.createSurvey(Survey.newBuilder().setSurveyId("reviews").setKind(SurveyKind.SURVEY_KIND_CSAT)
        .setDisplayName("Product review rating").setCsatScale(CsatScale.newBuilder().setMin(1).setMax(5)).build());
    List<Customer> customers = new ArrayList<>();
    List<SurveyResponse> responses = new ArrayList<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setAllowMissingColumnNames(true).get();
    for (CSVRecord row : format.parse(reader)) {
      String id = "review-" + row.get(0);
      String department = row.get("Department Name").isBlank() ? "unknown" : row.get("Department Name");
      customers.add(Customer.newBuilder().setCustomerId(id).putAttributes("department", department).build());
      SurveyResponse.Builder response = SurveyResponse.newBuilder().setResponseId(id).setSurveyId("reviews")
          .setCustomerId(id).setResponseTime(ApiWriter.timestamp(ANSWERED_AT)).setComment(row.get("Review Text"))
          .setLanguageCode("en");
      if (!row.get("Rating").isBlank()) {
        response.setScore(Integer.parseInt(row.get("Rating").trim()));
      }
      responses.add(response.build());
    }
    writer.upsertCustomers(customers);
    writer.recordResponses(responses);
    return String.format("clothing-reviews: %d reviews as CSAT responses", responses.size());
  }
}
