package io.cskpi.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dependency rule of the hexagon, over the production classes of every module. */
class ArchitectureTest {

  private static final String[] FRAMEWORKS = {"com.google.protobuf..", "io.grpc..", "java.sql..", "javax.sql..",
      "com.google.inject..", "jakarta.inject..", "javax.inject..", "com.zaxxer..", "org.flywaydb..", "io.cskpi.proto.."};

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages("io.cskpi");
  }

  @ParameterizedTest(name = "the rules see classes in {0}")
  @ValueSource(strings = {"io.cskpi.domain", "io.cskpi.domain.kpi.predictive", "io.cskpi.application", "io.cskpi.adapters.grpc",
      "io.cskpi.adapters.mysql", "io.cskpi.adapters.text", "io.cskpi.server", "io.cskpi.proto.v1"})
  void everyPackageTheRulesNameExists(String packageName) {
    assertThat(classes.stream().filter(c -> c.getPackageName().startsWith(packageName))).isNotEmpty();
  }

  @Test
  void theDomainDependsOnNothingButTheJdk() {
    noClasses().that().resideInAPackage("io.cskpi.domain..").and().resideOutsideOfPackage("io.cskpi.domain.kpi.predictive")
        .should().dependOnClassesThat().resideOutsideOfPackages("io.cskpi.domain..", "java..")
        .check(classes);
  }

  @Test
  void thePredictiveModelsUseOnlyTheJdkAndCommonsMath() {
    noClasses().that().resideInAPackage("io.cskpi.domain.kpi.predictive")
        .should().dependOnClassesThat().resideOutsideOfPackages("io.cskpi.domain..", "java..", "org.apache.commons.math3..")
        .check(classes);
  }

  @Test
  void theApplicationDependsOnTheDomainAndTheJdkOnly() {
    noClasses().that().resideInAPackage("io.cskpi.application..")
        .should().dependOnClassesThat().resideOutsideOfPackages("io.cskpi.application..", "io.cskpi.domain..", "java..")
        .check(classes);
  }

  @Test
  void noFrameworkInTheDomainOrTheApplication() {
    noClasses().that().resideInAnyPackage("io.cskpi.domain..", "io.cskpi.application..")
        .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
        .check(classes);
  }

  @Test
  void onlyTheGrpcAdapterAndTheServerSeeTheProtos() {
    noClasses().that().resideInAnyPackage("io.cskpi.adapters.mysql..", "io.cskpi.application..", "io.cskpi.domain..")
        .should().dependOnClassesThat().resideInAnyPackage("io.cskpi.proto..", "io.grpc..")
        .check(classes);
  }

  @Test
  void onlyTheMysqlAdapterAndTheServerSeeTheDatabase() {
    noClasses().that().resideInAnyPackage("io.cskpi.adapters.grpc..", "io.cskpi.application..", "io.cskpi.domain..")
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer..", "org.flywaydb..",
            "io.cskpi.adapters.mysql..")
        .check(classes);
  }

  @Test
  void onlyTheTextAdapterSeesLucene() {
    noClasses().that().resideOutsideOfPackage("io.cskpi.adapters.text..")
        .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
        .check(classes);
  }

  @Test
  void theTextAdapterKnowsOnlyTheApplicationTheDomainAndLucene() {
    noClasses().that().resideInAPackage("io.cskpi.adapters.text..")
        .should().dependOnClassesThat().resideInAnyPackage("io.cskpi.adapters.grpc..", "io.cskpi.adapters.mysql..",
            "io.cskpi.proto..", "io.grpc..", "java.sql..", "javax.sql..")
        .check(classes);
  }

  @Test
  void theAdaptersDoNotKnowTheServer() {
    noClasses().that().resideInAPackage("io.cskpi.adapters..")
        .should().dependOnClassesThat().resideInAPackage("io.cskpi.server..")
        .check(classes);
  }
}
