// Java Lucene 4.10's plain indexing of a Digest corpus, for comparison with Digest's ingest (benchmarks/java-lucene.sh).
// Reads papers as TSV lines (id, title, abstract, authors joined by '|', categories joined by '|', yyyymmdd), indexes
// them with 2 threads into an FSDirectory (English analysis for text; exact terms and doc values for the facets), commits,
// and prints documents per second of wall time and of process CPU time.
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Version;

public final class IndexPapers {
    public static void main(String[] args) throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(Paths.get(args[0]), StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) lines.add(line);
        }
        IndexWriterConfig config = new IndexWriterConfig(Version.LUCENE_4_10_4, new EnglishAnalyzer());
        config.setRAMBufferSizeMB(64);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(Paths.get(args[1]).toFile()), config)) {
            AtomicInteger next = new AtomicInteger();
            Thread[] threads = new Thread[2];
            for (int t = 0; t < threads.length; t++) {
                threads[t] = new Thread(() -> {
                    try {
                        for (int i; (i = next.getAndIncrement()) < lines.size(); ) writer.addDocument(toDocument(lines.get(i)));
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                threads[t].start();
            }
            for (Thread thread : threads) thread.join();
            writer.commit();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        System.out.printf("java lucene 4.10: %,d documents in %.2f s wall = %,.0f docs/s; %.2f CPU s = %,.0f docs per CPU-second%n",
            lines.size(), seconds, lines.size() / seconds, cpu, lines.size() / cpu);
    }

    private static Document toDocument(String line) {
        String[] parts = line.split("\t", -1);
        Document document = new Document();
        document.add(new StringField("id", parts[0], Field.Store.YES));
        document.add(new TextField("title", parts[1], Field.Store.YES));
        document.add(new TextField("abstract", parts[2], Field.Store.YES));
        for (String author : parts[3].split("\\|")) {
            if (author.isEmpty()) continue;
            document.add(new TextField("author", author, Field.Store.YES));
            document.add(new StringField("author_exact", author, Field.Store.NO));
            document.add(new SortedSetDocValuesField("author_exact", new BytesRef(author)));
        }
        for (String category : parts[4].split("\\|")) {
            if (category.isEmpty()) continue;
            document.add(new StringField("category", category, Field.Store.YES));
            document.add(new SortedSetDocValuesField("category", new BytesRef(category)));
        }
        int published = parts[5].isEmpty() ? 0 : Integer.parseInt(parts[5]);
        document.add(new IntField("published", published, Field.Store.NO));
        document.add(new NumericDocValuesField("published", published));
        return document;
    }
}
