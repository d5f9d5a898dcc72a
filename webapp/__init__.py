"""Streamlit-side building blocks shared by the pages: charts, i18n, the training runner, model loading,
shareable-URL state and the sidebar. Data flows pages -> webapp -> core; core never imports streamlit."""
