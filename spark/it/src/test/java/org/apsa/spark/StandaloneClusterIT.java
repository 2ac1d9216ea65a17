package org.apsa.spark;

import org.apsa.batch.Batch;
import org.apsa.batch.Report;
import org.apsa.engine.Assessor;
import org.apsa.render.Detail;
import org.apsa.rulebase.EmbeddedRules;
import org.apsa.rulebase.RuleBaseLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real standalone cluster on this machine, on loopback only: a master and two workers (one
 * core, small memory each) started from Spark's own jars laid out as a distribution, the job
 * jar submitted with spark-submit's main class, its output compared byte for byte with the
 * single-machine batch. Every process started here is stopped afterwards, whatever happened.
 */
class StandaloneClusterIT {

    private static final Path SPARK_HOME = Path.of(System.getProperty("spark.home", "target/spark-home")).toAbsolutePath();
    private static final Path JOB_JAR = Path.of(System.getProperty("apsa.spark.jar", "../job/target/apsa-spark.jar")).toAbsolutePath();
    private static final Path LOGS = Path.of("target", "cluster").toAbsolutePath();
    private static final String HOST = "127.0.0.1";
    private static final List<Process> STARTED = new ArrayList<>();
    private static String master;

    /** The inputs and both runs' outputs, kept after a failure to compare; cleared at the start. */
    private static final Path dir = LOGS.resolve("run");

    @BeforeAll
    static void startCluster() throws Exception {
        // Should this JVM be stopped before @AfterAll (a build interrupted), the cluster goes with it.
        Runtime.getRuntime().addShutdownHook(new Thread(StandaloneClusterIT::stopCluster, "stop-cluster"));
        Files.createDirectories(LOGS);
        if (Files.exists(dir)) {
            try (var old = Files.walk(dir)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        int port = freePort();
        master = "spark://" + HOST + ":" + port;
        start("master", "org.apache.spark.deploy.master.Master", "--host", HOST, "--port", String.valueOf(port),
                "--webui-port", String.valueOf(freePort()));
        for (int w = 1; w <= 2; w++) {
            Path work = LOGS.resolve("worker-" + w);
            Files.createDirectories(work);
            start("worker-" + w, "org.apache.spark.deploy.worker.Worker", "--host", HOST, "--cores", "1", "--memory", "700m",
                    "--work-dir", work.toString(), "--webui-port", String.valueOf(freePort()), master);
        }
    }

    @AfterAll
    static synchronized void stopCluster() {
        for (Process p : STARTED) {
            // The workers' executors first: they are the workers' children.
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : STARTED) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    @Test
    void theBatchOnTwoWorkersWritesTheBytesOfTheSingleMachineBatch() throws Exception {
        Path in = MixedInput.write(dir.resolve("in"));
        Path one = dir.resolve("one");
        new Batch(new Assessor(RuleBaseLoader.load(EmbeddedRules.folder())))
                .run(new Batch.Options(List.of(in), one, Set.of(Report.CSV), 2, Detail.FULL, null), Batch.Progress.NONE);

        Path out = dir.resolve("cluster-out");
        Process submit = process("submit", List.of("-Xmx512m"), "org.apache.spark.deploy.SparkSubmit",
                "--master", master, "--deploy-mode", "client", "--class", "org.apsa.spark.ApsaSpark",
                "--conf", "spark.driver.host=" + HOST, "--conf", "spark.driver.bindAddress=" + HOST,
                "--conf", "spark.ui.enabled=false", "--conf", "spark.executor.memory=512m", "--conf", "spark.cores.max=2",
                "--conf", "spark.executor.extraJavaOptions=-Dapsa.cache.dir=" + LOGS.resolve("rule-cache"),
                JOB_JAR.toString(), "batch", in.toString(), "--out", out.toString(), "--partitions", "4");
        boolean ended = submit.waitFor(8, TimeUnit.MINUTES);
        if (!ended) {
            submit.descendants().forEach(ProcessHandle::destroyForcibly);
            submit.destroyForcibly();
        }
        assertTrue(ended, "the job ended within 8 minutes; see " + LOGS.resolve("submit.log"));
        for (String name : List.of("assessments.jsonl", "errors.jsonl", "summary.csv")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(name)), MixedInput.joined(out.resolve(name)), name);
        }
        assertEquals(1, submit.exitValue(), () -> "spark-submit's exit status, 1 for invalid inputs; see " + LOGS.resolve("submit.log"));
        String log = Files.readString(LOGS.resolve("submit.log"));
        assertTrue(log.contains("fact sets assessed"), log);
        try (var executors = Files.walk(LOGS.resolve("worker-1"))) {
            assertTrue(executors.anyMatch(p -> p.getFileName().toString().equals("stderr")),
                    "the first worker ran an executor of the job");
        }
        try (var executors = Files.walk(LOGS.resolve("worker-2"))) {
            assertTrue(executors.anyMatch(p -> p.getFileName().toString().equals("stderr")),
                    "the second worker ran an executor of the job");
        }
    }

    private static void start(String name, String main, String... args) throws IOException {
        STARTED.add(process(name, List.of("-Xmx256m"), main, args));
    }

    /** A JVM on Spark's jars, bound to loopback, its output in target/cluster/NAME.log. */
    private static Process process(String name, List<String> jvm, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of(System.getProperty("spark.jvm.opens", "").split(" ")).stream().filter(s -> !s.isBlank()).toList());
        command.add("-cp");
        command.add(SPARK_HOME.resolve("jars") + File.separator + "*");
        command.add(main);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(LOGS.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", SPARK_HOME.toString());
        pb.environment().put("SPARK_LOCAL_IP", HOST);
        pb.environment().put("SPARK_LOCAL_HOSTNAME", "localhost");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        }
    }
}
